package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks {@code model m = load("file" [, series])}: the file in quotes, optionally the series the
 * model answers for, and no options (a loaded model keeps those it was trained with).
 */
final class LoadedModelCheck {
    private final SourceFile file;
    private final Consumer<Diagnostic> report;
    private final Checker checker;

    LoadedModelCheck(SourceFile file, Consumer<Diagnostic> report, Checker checker) {
        this.file = file;
        this.report = report;
        this.checker = checker;
    }

    Symbol check(Statement.ModelDecl d, Expr.Call call, Scope scope) {
        String name = d.name().name();
        List<Expr.Argument> positional = call.positional();
        String path = null;
        String series = null;
        if (positional.isEmpty() || !(positional.get(0).value() instanceof Expr.StringLit p)) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, call.span(),
                    "load takes the model file in quotes, and optionally the series it answers for",
                    "e.g. model m = load(\"models/iq.qflm\", demand)"));
        } else {
            path = p.value();
            if (positional.size() > 1) {
                series = checker.seriesReference(positional.get(1).value(), scope).orElse(null);
            }
            for (Expr.Argument extra : positional.subList(Math.min(2, positional.size()), positional.size())) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, extra.span(), "load takes at most two arguments"));
            }
        }
        for (Expr.Argument named : call.named()) {
            report.accept(Diagnostic.error(DiagnosticCode.UNKNOWN_OPTION, file, named.name().span(),
                    "load has no option '" + named.name().name() + "'", "a loaded model keeps the options it was trained with"));
        }
        return new Symbol.ModelSymbol(name, d.name().span(), null, series, Map.of(), 0, false, path == null ? "" : path, List.of());
    }
}
