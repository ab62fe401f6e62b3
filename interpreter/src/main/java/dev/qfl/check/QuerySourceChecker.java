package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.sql.Credentials;
import dev.qfl.stdlib.data.sql.SqlLoader;
import dev.qfl.stdlib.data.sql.SqlText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks {@code series NAME = sql([url,] "query", ...)} and {@code parquet("path", ...)} before
 * anything runs: the arguments, the options (with did-you-mean), that the statement is a query,
 * and that no password is written in the URL. Whether the database accepts the query is known
 * only when it runs (and {@code qfl check} runs it, as it reads every CSV file).
 */
final class QuerySourceChecker {
    private final SourceFile file;
    private final Consumer<Diagnostic> report;

    QuerySourceChecker(SourceFile file, Consumer<Diagnostic> report) {
        this.file = file;
        this.report = report;
    }

    /** Whether {@code function} is a source this class checks. */
    static boolean handles(String function) {
        return function.equals(SeriesSources.SQL) || function.equals(SeriesSources.PARQUET);
    }

    Symbol.SeriesSymbol check(Statement.SeriesDecl d, Expr.Call call, Scope scope) {
        String function = call.callee().name();
        boolean sql = function.equals(SeriesSources.SQL);
        List<Expr.Argument> positional = call.positional();
        QuerySource source = sql ? sqlSource(call, positional) : parquetSource(call, positional);
        Map<String, Object> options = new java.util.LinkedHashMap<>(new OptionChecker(file, scope, report).check(function,
                CsvSourceCheck.withoutIdList(call), SeriesSources.optionsOf(function)));
        new CsvSourceCheck(file, scope, report).idList(call, options);
        new CovariateOptionsCheck(file, scope, report).check(call, options);
        new FutureOptionCheck(file, scope, report).check(call, options);
        if (options.containsKey("credentials") && (source == null || source.url() == null)) {
            report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, option(call, "credentials").span(),
                    "credentials: is for a database server: the embedded DuckDB needs none",
                    "give the JDBC URL first: sql(\"jdbc:postgresql://host/db\", \"SELECT ...\", credentials: ...)"));
        }
        if (options.get("until") instanceof String until && CsvOptions.parseUntil(until).isEmpty()) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, option(call, "until").value().span(),
                    "until is an ISO date such as \"2024-06-15\""));
        }
        if (options.get("as_of") instanceof String asOf) {
            var origin = DataShape.parseAsOf(asOf);
            var until = options.get("until") instanceof String u ? CsvOptions.parseUntil(u) : java.util.Optional.<java.time.LocalDateTime>empty();
            if (origin.isEmpty() || until.isPresent() && origin.get().isAfter(until.get())) {
                report.accept(Diagnostic.error(DiagnosticCode.BAD_AS_OF, file, option(call, "as_of").value().span(),
                        origin.isEmpty() ? "as_of is an ISO date such as \"2024-06-24\"" : "as_of " + asOf
                                + " is after until: the rows in between are held out, so they cannot be taken as known"));
            }
        }
        Frequency freq = options.get("freq") instanceof String f ? Frequency.fromKeyword(f).orElse(null) : null;
        String path = source == null ? null : source.isParquet() ? source.query() : ".";
        return new Symbol.SeriesSymbol(d.name().name(), d.name().span(), path, options, freq, source);
    }

    private QuerySource sqlSource(Expr.Call call, List<Expr.Argument> positional) {
        if (positional.isEmpty() || positional.size() > 2 || !allStrings(positional)) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, positional.isEmpty() ? call.span()
                            : positional.get(positional.size() > 2 ? 2 : 0).span(),
                    "sql takes the query in quotes, optionally after a JDBC URL",
                    "e.g. sql(\"select sku, week, units from 'sales/*.parquet'\", time: \"week\", value: \"units\", "
                            + "id: \"sku\")"));
            return null;
        }
        String url = null;
        if (positional.size() == 2) {
            Expr.StringLit u = (Expr.StringLit) positional.get(0).value();
            url = u.value();
            if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, u.span(),
                        "the connection is a JDBC URL starting with jdbc:",
                        "e.g. sql(\"jdbc:postgresql://host:5432/sales\", \"SELECT ...\")"));
                return null;
            }
            String where = Credentials.passwordIn(url).orElse(null);
            if (where != null) {
                report.accept(Diagnostic.error(DiagnosticCode.PASSWORD_IN_URL, file, u.span(),
                        "the connection URL holds " + where + ": a password does not belong in a script",
                        SqlLoader.PASSWORD_HINT));
                return null;
            }
        }
        Expr.StringLit q = (Expr.StringLit) positional.get(positional.size() - 1).value();
        String word = SqlText.notAQuery(q.value()).orElse(null);
        if (word != null) {
            report.accept(Diagnostic.error(DiagnosticCode.BAD_SQL, file, q.span(), word.isEmpty()
                            ? "the query is empty" : "a data source only reads, and this statement starts with \""
                            + word + "\"", "write a query: SELECT ... (or WITH ...)"));
            return null;
        }
        return new QuerySource(SeriesSources.SQL, url, q.value());
    }

    private QuerySource parquetSource(Expr.Call call, List<Expr.Argument> positional) {
        if (positional.size() != 1 || !allStrings(positional) || ((Expr.StringLit) positional.get(0).value()).value()
                .isBlank()) {
            report.accept(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, positional.isEmpty() ? call.span()
                            : positional.get(positional.size() > 1 ? 1 : 0).span(),
                    "parquet takes one positional argument, the file path (or a glob) in quotes",
                    "e.g. parquet(\"sales/*.parquet\", time: \"week\", value: \"units\", id: \"sku\")"));
            return null;
        }
        return new QuerySource(SeriesSources.PARQUET, null, ((Expr.StringLit) positional.get(0).value()).value());
    }

    private static boolean allStrings(List<Expr.Argument> arguments) {
        return arguments.stream().allMatch(a -> a.value() instanceof Expr.StringLit);
    }

    private static Expr.Argument option(Expr.Call call, String name) {
        return call.named().stream().filter(a -> a.name().name().equals(name)).findFirst().orElseThrow();
    }
}
