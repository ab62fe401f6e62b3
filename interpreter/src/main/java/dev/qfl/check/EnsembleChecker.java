package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.models.combine.EnsembleKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks {@code model e = ensemble(m1, m2, ..., weights: [...])}: two or more distinct models
 * declared with options (not loaded from files) on one series with one horizon, and, if given, one
 * non-negative weight per member, not all zero.
 */
final class EnsembleChecker {
    private final SourceFile file;
    private final Consumer<Diagnostic> report;
    private final Checker checker;

    EnsembleChecker(SourceFile file, Consumer<Diagnostic> report, Checker checker) {
        this.file = file;
        this.report = report;
        this.checker = checker;
    }

    Symbol.ModelSymbol check(Statement.ModelDecl d, Expr.Call call, Scope scope) {
        String name = d.name().name();
        List<Symbol.ModelSymbol> members = new ArrayList<>();
        boolean ok = true;
        for (Expr.Argument arg : call.positional()) {
            Optional<Symbol.ModelSymbol> member = member(arg.value(), scope);
            if (member.isEmpty()) {
                ok = false;
                continue;
            }
            if (members.stream().anyMatch(m -> m.name().equals(member.get().name()))) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, arg.span(),
                        "'" + member.get().name() + "' is already a member of this ensemble"));
                ok = false;
                continue;
            }
            members.add(member.get());
        }
        if (ok && members.size() < 2) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, call.span(),
                    "an ensemble combines two or more models", "e.g. model both = ensemble(smooth, arima1, weights: [0.5, 0.5])"));
            ok = false;
        }
        String series = members.isEmpty() ? null : members.get(0).series();
        int horizon = members.isEmpty() ? 0 : members.get(0).horizon();
        for (int i = 1; i < members.size(); i++) {
            Symbol.ModelSymbol m = members.get(i);
            Expr at = call.positional().get(i).value();
            if (series != null && !series.equals(m.series())) {
                report.accept(Diagnostic.error(DiagnosticCode.MODEL_SERIES_MISMATCH, file, at.span(),
                        m.name() + " is declared on " + m.series() + ", and " + members.get(0).name() + " on " + series,
                        "an ensemble's members forecast the same series"));
                ok = false;
            } else if (m.horizon() != horizon) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, at.span(),
                        m.name() + " forecasts " + m.horizon() + " steps, and " + members.get(0).name() + " " + horizon,
                        "give the members the same horizon"));
                ok = false;
            }
        }
        List<Double> weights = weights(call, members.size(), scope);
        if (!ok || weights == null) {
            return new Symbol.ModelSymbol(name, d.name().span(), null, null, Map.of(), 0, false, null, List.of());
        }
        boolean joint = members.stream().allMatch(Symbol.ModelSymbol::joint);
        return new Symbol.ModelSymbol(name, d.name().span(), EnsembleKind.NAME, series,
                weights.isEmpty() ? Map.of() : Map.of("weights", weights), horizon, joint, null,
                members.stream().map(Symbol.ModelSymbol::name).toList());
    }

    private Optional<Symbol.ModelSymbol> member(Expr e, Scope scope) {
        if (!(e instanceof Expr.Name n)) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, e.span(), "an ensemble's members are model names",
                    "e.g. ensemble(smooth, arima1)"));
            return Optional.empty();
        }
        Optional<Symbol> s = scope.lookup(n.name());
        if (s.isEmpty()) {
            checker.undefinedModel(new dev.qfl.ast.Identifier(n.name(), n.span()), scope, null);
            return Optional.empty();
        }
        if (!(s.get() instanceof Symbol.ModelSymbol m)) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, e.span(),
                    "expected a model, but '" + n.name() + "' is " + s.get().kind().description()));
            return Optional.empty();
        }
        if (m.loadPath() != null) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, e.span(),
                    n.name() + " is loaded from a file, and an ensemble refits its members (in backtests too)",
                    "declare it with its options instead, e.g. model " + n.name() + " = iqf(demand, horizon: 14)"));
            return Optional.empty();
        }
        return m.modelKind() == null ? Optional.empty() : Optional.of(m); // an invalid member was reported already
    }

    /** The weights as given (empty when not given), or null after reporting a mistake. */
    private List<Double> weights(Expr.Call call, int members, Scope scope) {
        List<Double> out = new ArrayList<>();
        for (Expr.Argument arg : call.named()) {
            if (!arg.name().name().equals("weights")) {
                report.accept(Diagnostic.error(DiagnosticCode.UNKNOWN_OPTION, file, arg.name().span(),
                        "ensemble has no option '" + arg.name().name() + "'", "its only option is weights"));
                return null;
            }
            if (!out.isEmpty()) {
                report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, arg.name().span(),
                        "option 'weights' is given twice"));
                return null;
            }
            Object constant = Constants.fold(arg.value(), scope).orElse(null);
            if (!(constant instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(BigDecimal.class::isInstance)) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, arg.value().span(),
                        "ensemble's weights are a list of numbers, one per member", "e.g. weights: [0.6, 0.4]"));
                return null;
            }
            if (list.size() != members && members >= 2) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, arg.value().span(),
                        "the ensemble has " + members + " members and " + list.size() + " weights"));
                return null;
            }
            double total = 0;
            for (Object o : list) {
                double w = ((BigDecimal) o).doubleValue();
                if (w < 0 || !Double.isFinite(w)) {
                    report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, arg.value().span(),
                            "ensemble weights must not be negative, got " + ((BigDecimal) o).toPlainString()));
                    return null;
                }
                total += w;
                out.add(w);
            }
            if (!(total > 0)) {
                report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, arg.value().span(),
                        "the ensemble's weights add up to 0"));
                return null;
            }
        }
        return out;
    }
}
