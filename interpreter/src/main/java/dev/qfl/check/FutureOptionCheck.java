package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the {@code future:} option of a row source before anything runs: its value is
 * {@code csv("path")}, a second file with the future values of the source's {@code covariates:}
 * (QF2048 otherwise), on a csv source that has {@code covariates:} (QF2049). The future file takes
 * no options of its own: the main source's time, id and layout options apply to it, so a second
 * set could only disagree. The checked path goes into the options as {@code future}.
 */
final class FutureOptionCheck {
    static final String OPTION = "future";

    private final SourceFile file;
    private final Scope scope;
    private final Consumer<Diagnostic> report;

    FutureOptionCheck(SourceFile file, Scope scope, Consumer<Diagnostic> report) {
        this.file = file;
        this.scope = scope;
        this.report = report;
    }

    /** Whether {@code a} is the {@code future:} option, which the option checker does not see. */
    static boolean isFuture(Expr.Argument a) {
        return a.name() != null && a.name().name().equals(OPTION);
    }

    /** Checks the {@code future:} options of {@code call} (a source) and puts the path into {@code options}. */
    void check(Expr.Call call, Map<String, Object> options) {
        List<Expr.Argument> given = call.named().stream().filter(FutureOptionCheck::isFuture).toList();
        if (given.isEmpty()) {
            return;
        }
        if (given.size() > 1) {
            report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, given.get(1).name().span(),
                    "option 'future' is given twice"));
            return;
        }
        Expr.Argument future = given.get(0);
        String path = path(future.value());
        if (path == null) {
            return;
        }
        if (!call.callee().name().equals(SeriesSources.CSV)) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, future.value(), "future: is read with a csv(...) source only, not with "
                    + call.callee().name() + "(...)", "write the planned rows into the query's result, with the value empty");
        } else if (!(options.get("covariates") instanceof List<?> columns) || columns.isEmpty()) {
            error(DiagnosticCode.FUTURE_WITHOUT_COVARIATES, future.name(), "future: gives the future values of "
                    + "covariates:, and this source has none", "e.g. covariates: [\"price\", \"promo\"], future: csv(\"plan.csv\")");
        } else {
            options.put(OPTION, path);
        }
    }

    /** The path of {@code csv("path")}, or null (reported) for anything else. */
    private String path(Expr value) {
        if (!(value instanceof Expr.Call call) || !call.callee().name().equals(SeriesSources.CSV)) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, value, "future: is a second file read with csv(\"path\")",
                    "e.g. future: csv(\"plan.csv\"), with the time, id and covariate columns of the source");
            return null;
        }
        if (!call.named().isEmpty()) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, call.named().get(0).name(), "the future file takes no options: "
                    + "the main source's time:, id:, date_format:, delimiter: and decimal: apply to it",
                    "give the options once, on the main source");
            return null;
        }
        Object path = call.positional().size() == 1 ? Constants.fold(call.positional().get(0).value(), scope).orElse(null)
                : null;
        if (!(path instanceof String p) || p.isBlank()) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, call, "future: csv(...) takes one path in quotes",
                    "e.g. future: csv(\"plan.csv\")");
            return null;
        }
        return p;
    }

    private void error(DiagnosticCode code, dev.qfl.ast.Node at, String message, String hint) {
        report.accept(Diagnostic.error(code, file, at.span(), message, hint));
    }
}
