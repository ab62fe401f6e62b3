package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Checks where an {@code export} writes and how: a .csv, .json or .parquet file or a database
 * table ({@link TableExportCheck}), and its options ({@code append:}, {@code overwrite:}, and
 * {@code credentials:} for a table), each given once with a value known before running.
 */
final class ExportTargetCheck {
    private ExportTargetCheck() {
    }

    static void check(Statement.Export e, Scope scope, SourceFile file, Consumer<Diagnostic> report) {
        String path = e.path().value().toLowerCase(Locale.ROOT);
        if (e.toTable()) {
            TableExportCheck.check(e, file, report);
        } else if (!path.endsWith(".csv") && !path.endsWith(".json") && !path.endsWith(".parquet")) {
            report.accept(Diagnostic.error(DiagnosticCode.BAD_EXPORT, file, e.path().span(),
                    "QFL exports .csv or .json files, .parquet files and database tables",
                    "end the file name with .csv, .json or .parquet, or write: export T to table \"plan\" in \"plan.duckdb\""));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr.Argument o : e.options()) {
            Object value = Constants.fold(o.value(), scope).orElse(null);
            String option = o.name().name();
            if (e.toTable() && option.equals("credentials")) {
                if (!seen.add(option)) {
                    report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, o.name().span(),
                            "option 'credentials' is given twice"));
                } else if (!(value instanceof String)) {
                    report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, o.value().span(),
                            "credentials is the path of a properties file with user= and password="));
                }
                continue;
            }
            if (!option.equals("append") && !option.equals("overwrite")) {
                String hint = Suggestions.didYouMean(option, e.toTable() ? List.of("append", "overwrite", "credentials")
                        : List.of("append", "overwrite"));
                report.accept(Diagnostic.error(DiagnosticCode.UNKNOWN_OPTION, file, o.name().span(),
                        "export has no option '" + option + "'",
                        hint != null ? hint : "its options are append: true and overwrite: true"));
            } else if (!seen.add(option)) {
                report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, o.name().span(),
                        "option '" + option + "' is given twice"));
            } else if (!(value instanceof Boolean)) {
                report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, o.value().span(), option + " is true or false"));
            } else if (option.equals("append") && Boolean.TRUE.equals(value) && (e.toTable() || path.endsWith(".parquet"))) {
                report.accept(Diagnostic.error(DiagnosticCode.BAD_EXPORT, file, o.span(), "only CSV files can be appended to",
                        "an export to a table or a .parquet file replaces it; export to .csv to keep a log of runs"));
            } else if (option.equals("append") && Boolean.TRUE.equals(value) && path.endsWith(".json")) {
                report.accept(Diagnostic.error(DiagnosticCode.BAD_EXPORT, file, o.span(), "only CSV files can be appended to",
                        "a JSON file holds one table; export to .csv to keep a log of runs"));
            }
        }
    }
}
