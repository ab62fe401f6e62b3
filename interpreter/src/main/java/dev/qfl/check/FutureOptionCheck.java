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
 * {@code csv("path")}, {@code parquet("path")} or {@code sql("SELECT ...")} (an embedded DuckDB
 * query), the future values of the source's {@code covariates:} (QF2048 otherwise), on a csv,
 * sql or parquet source that has {@code covariates:} (QF2049). The future source takes no options of its own:
 * the main source's time, id and layout options apply to it, so a second set could only
 * disagree. The checked path (or query) goes into the options as {@code future}, and for sql or
 * parquet the kind as {@code future_from}.
 */
final class FutureOptionCheck {
    static final String OPTION = "future";
    /** The option key that says the future rows come from a query: "sql" or "parquet" (absent for csv). */
    static final String FROM = "future_from";   // read by DataLoading under the same name
    private static final List<String> READERS = List.of(SeriesSources.CSV, SeriesSources.SQL, SeriesSources.PARQUET);

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
        // path(...) returned, so the value is a call of one of the readers
        String reader = ((Expr.Call) future.value()).callee().name();
        if (!(options.get("covariates") instanceof List<?> columns) || columns.isEmpty()) {
            error(DiagnosticCode.FUTURE_WITHOUT_COVARIATES, future.name(), "future: gives the future values of "
                    + "covariates:, and this source has none", "e.g. covariates: [\"price\", \"promo\"], future: csv(\"plan.csv\")");
        } else {
            options.put(OPTION, path);
            if (!reader.equals(SeriesSources.CSV)) {
                options.put(FROM, reader);
            }
        }
    }

    /**
     * The path of {@code csv("path")} or {@code parquet("path")}, or the query of
     * {@code sql("SELECT ...")}, or null (reported) for anything else. A server query
     * ({@code sql("jdbc:...", ...)}) is refused: one string only.
     */
    private String path(Expr value) {
        if (!(value instanceof Expr.Call call) || !READERS.contains(call.callee().name())) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, value, "future: is read with csv(\"path\"), parquet(\"path\") "
                    + "or sql(\"SELECT ...\")", "e.g. future: csv(\"plan.csv\"), with the time, id and covariate "
                    + "columns of the source");
            return null;
        }
        String name = call.callee().name();
        if (!call.named().isEmpty()) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, call.named().get(0).name(), "the future source takes no options: "
                    + "the main source's time:, id:, date_format:, delimiter: and decimal: apply to it",
                    "give the options once, on the main source");
            return null;
        }
        Object path = call.positional().size() == 1 ? Constants.fold(call.positional().get(0).value(), scope).orElse(null)
                : null;
        if (!(path instanceof String p) || p.isBlank()) {
            error(DiagnosticCode.BAD_FUTURE_SOURCE, call, name.equals(SeriesSources.SQL)
                    ? "future: sql(...) takes one query in quotes (an embedded DuckDB query; no server URL)"
                    : "future: " + name + "(...) takes one path in quotes", name.equals(SeriesSources.SQL)
                    ? "e.g. future: sql(\"SELECT * FROM read_csv('plan.csv')\")" : "e.g. future: " + name + "(\"plan."
                    + name + "\")");
            return null;
        }
        return p;
    }

    private void error(DiagnosticCode code, dev.qfl.ast.Node at, String message, String hint) {
        report.accept(Diagnostic.error(code, file, at.span(), message, hint));
    }
}
