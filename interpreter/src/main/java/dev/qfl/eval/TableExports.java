package dev.qfl.eval;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.check.Constants;
import dev.qfl.check.Scope;
import dev.qfl.diag.Diagnostics;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.sql.Credentials;
import dev.qfl.stdlib.data.sql.TableSink;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs {@code export T to table "name" in "jdbc:..." | "file.duckdb"}: the whole table is replaced
 * in one transaction (see {@link TableSink}). A DuckDB file is a path like any export's (relative
 * to the script, inside a confined session's folder); a confined session opens no JDBC connection.
 */
final class TableExports {
    private TableExports() {
    }

    /** Writes the table and says what was written. */
    static String run(Table table, Statement.Export e, Scope scope, SessionState state) {
        String name = e.path().value();
        String database = e.database().value();
        if (database.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            if (state.files().restricted()) {
                throw new QflException(FileAccess.OUTSIDE_ROOT, "this session is confined to a folder and opens no "
                        + "database connection", null, "export to a file, or to a DuckDB file inside the folder", null);
            }
            Path file = credentialsFile(e, scope, state);
            TableSink.toUrl(table, name, database, Credentials.resolve(file, System.getenv()), System.getenv());
            return "wrote table " + name + " in " + Credentials.describe(database) + rows(table);
        }
        Path file = state.resolve(database);
        TableSink.toDuckDbFile(table, name, file);
        return "wrote table " + name + " in " + Diagnostics.display(file, state.baseDirectory()) + rows(table);
    }

    private static Path credentialsFile(Statement.Export e, Scope scope, SessionState state) {
        for (Expr.Argument o : e.options()) {
            if (o.name().name().equals("credentials") && Constants.fold(o.value(), scope).orElse(null) instanceof String c) {
                return state.resolve(c);
            }
        }
        return null;
    }

    private static String rows(Table table) {
        return " (" + table.rowCount() + (table.rowCount() == 1 ? " row)" : " rows)");
    }
}
