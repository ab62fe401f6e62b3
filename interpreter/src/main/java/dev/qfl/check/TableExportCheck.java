package dev.qfl.check;

import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.sql.Credentials;
import dev.qfl.stdlib.data.sql.SqlLoader;
import dev.qfl.stdlib.data.sql.TableSink;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Checks {@code export T to table "name" in "jdbc:..." | "file.duckdb"} before anything runs: a
 * plain table name, and a database that is a JDBC URL without a password or a DuckDB file.
 */
final class TableExportCheck {
    private TableExportCheck() {
    }

    static void check(Statement.Export e, SourceFile file, Consumer<Diagnostic> report) {
        TableSink.badName(e.path().value()).ifPresent(why -> report.accept(Diagnostic.error(
                DiagnosticCode.BAD_TABLE_NAME, file, e.path().span(), why, "e.g. table \"plan\" or \"planning.plan\"")));
        String database = e.database().value();
        if (database.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            Credentials.passwordIn(database).ifPresent(where -> report.accept(Diagnostic.error(
                    DiagnosticCode.PASSWORD_IN_URL, file, e.database().span(), "the connection URL holds " + where
                            + ": a password does not belong in a script", SqlLoader.PASSWORD_HINT)));
        } else if (!database.toLowerCase(Locale.ROOT).endsWith(".duckdb") && !database.endsWith(".db")) {
            report.accept(Diagnostic.error(DiagnosticCode.BAD_EXPORT, file, e.database().span(),
                    "a table is written to a JDBC URL or to a DuckDB database file (.duckdb or .db)",
                    "e.g. in \"jdbc:postgresql://host/db\" or in \"plan.duckdb\""));
        }
    }
}
