package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.Holidays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks the covariate options of a row source before anything runs: {@code covariates:},
 * {@code past:} and {@code static:} are lists of quoted column names (or one name), none empty,
 * no column named twice or in two lists or equal to the time, value or id column, and only on a
 * long source (with {@code value:}); {@code holidays:} names a calendar QFL knows, with the close
 * ones as a hint. Whether the columns exist is known from the data, which {@code qfl check} reads
 * next (QF3104 with the columns and a did-you-mean).
 *
 * <p>The option checker knows these options as single names; lists are taken out of the call
 * before it runs ({@link #withoutLists}) and checked here, as {@code id: [...]} is.
 */
final class CovariateOptionsCheck {
    /** The options that take a list of columns. */
    static final List<String> LISTS = List.of("covariates", "past", "static");

    private final SourceFile file;
    private final Scope scope;
    private final Consumer<Diagnostic> report;

    CovariateOptionsCheck(SourceFile file, Scope scope, Consumer<Diagnostic> report) {
        this.file = file;
        this.scope = scope;
        this.report = report;
    }

    /** The call without its list-valued covariate options, for the option checker. */
    static Expr.Call withoutLists(Expr.Call call) {
        List<Expr.Argument> rest = new ArrayList<>(call.arguments());
        boolean removed = rest.removeIf(CovariateOptionsCheck::isList);
        return removed ? new Expr.Call(call.callee(), rest, call.span()) : call;
    }

    private static boolean isList(Expr.Argument a) {
        // future: takes a csv(...) call, which the option checker cannot type (FutureOptionCheck)
        return FutureOptionCheck.isFuture(a) || a.name() != null && LISTS.contains(a.name().name()) && a.value() instanceof Expr.ListLit;
    }

    /**
     * Checks the covariate options of {@code call} and puts each list into {@code options} as a
     * List of String (a single quoted name becomes a list of one); a wrong list is reported and left out.
     */
    void check(Expr.Call call, Map<String, Object> options) {
        Map<String, Expr> seen = new HashMap<>();   // column -> where it was first named
        for (String c : List.of("time", "value", "id")) {
            if (options.get(c) instanceof String s) {
                seen.put(s, null);
            } else if (options.get(c) instanceof List<?> keys) {
                keys.forEach(k -> seen.put(String.valueOf(k), null));
            }
        }
        Expr.Argument first = null;
        for (String option : LISTS) {
            List<Expr.Argument> given = call.named().stream().filter(a -> a.name().name().equals(option)).toList();
            if (given.isEmpty()) {
                continue;
            }
            first = first == null ? given.get(0) : first;
            if (given.size() > 1 && given.stream().anyMatch(CovariateOptionsCheck::isList)) {
                report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, given.get(1).name().span(),
                        "option '" + option + "' is given twice"));
                options.remove(option);
                continue;
            }
            columns(option, given.get(0).value(), seen).ifPresentOrElse(cols -> options.put(option, cols),
                    () -> options.remove(option));
        }
        if (first != null && !options.containsKey("value")) {
            report.accept(Diagnostic.error(DiagnosticCode.COVARIATES_NEED_LONG, file, first.name().span(),
                    "covariates need one row per series and time: give the target column with value:",
                    "e.g. value: \"units\", id: \"sku\", covariates: [\"price\", \"promo\"]"));
        }
        if (options.get("holidays") instanceof String code) {
            Expr at = call.named().stream().filter(a -> a.name().name().equals("holidays")).findFirst()
                    .orElseThrow().value();
            if (Holidays.of(code).isEmpty()) {
                List<String> close = Holidays.closeTo(code);
                report.accept(Diagnostic.error(DiagnosticCode.UNKNOWN_HOLIDAYS, file, at.span(),
                        "no holiday calendar \"" + code + "\"", close.isEmpty()
                                ? "a country code such as \"US\" or \"DE\", or a country and region such as \"DE-BY\""
                                : "did you mean \"" + close.get(0) + "\"?" + (close.size() > 1 ? " Others: "
                                + String.join(", ", close.subList(1, close.size())) : "")));
                options.remove("holidays");
            }
        }
    }

    /** The columns of one option: quoted names, at least one, each named once across every list. */
    private Optional<List<String>> columns(String option, Expr value, Map<String, Expr> seen) {
        List<Expr> elements = value instanceof Expr.ListLit list ? list.elements() : List.of(value);
        if (elements.isEmpty()) {
            error(value, option + " lists no column", "leave " + option + ": out, or e.g. " + option + ": [\"price\"]");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Expr e : elements) {
            Object v = Constants.fold(e, scope).orElse(null);
            if (!(v instanceof String name) || name.isBlank()) {
                error(e, option + " lists column names in quotes", "e.g. " + option + ": [\"price\", \"promo\"]");
                ok = false;
            } else if (seen.containsKey(name)) {
                Expr before = seen.get(name);
                error(e, before == null ? "\"" + name + "\" is the time, value or id column, not a covariate"
                        : "column \"" + name + "\" is named twice among covariates:, past: and static:",
                        before == null ? null : "a column is one kind of covariate: known ahead (covariates:), "
                                + "known up to now (past:) or per series (static:)");
                ok = false;
            } else {
                seen.put(name, e);
                out.add(name);
            }
        }
        return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    private void error(Expr at, String message, String hint) {
        report.accept(hint == null ? Diagnostic.error(DiagnosticCode.BAD_COVARIATE_COLUMNS, file, at.span(), message)
                : Diagnostic.error(DiagnosticCode.BAD_COVARIATE_COLUMNS, file, at.span(), message, hint));
    }
}
