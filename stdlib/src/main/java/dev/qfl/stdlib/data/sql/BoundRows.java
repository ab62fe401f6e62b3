package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.table.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Panels from rows an embedding application already holds: a JDBC result set it ran itself, or a
 * {@link Table}. Both are read like a query's rows (same options, types and fingerprint), so a
 * bound series behaves exactly like one read by {@code sql(...)}.
 */
public final class BoundRows {
    private BoundRows() {
    }

    /** Reads every remaining row of {@code rows} (the caller keeps and closes it). */
    public static LoadedPanel fromResultSet(String name, ResultSet rows, CsvOptions options) {
        try {
            return QueryRows.read(name, rows, options, "rows bound by the application");
        } catch (SQLException e) {
            throw SqlErrors.error(SqlErrors.BAD_QUERY, "cannot read the bound rows: " + SqlErrors.message(e), null, e);
        }
    }

    /**
     * Reads {@code table}: its columns are typed (text, dates, integers, numbers), so it is put
     * into an in-memory DuckDB table and read back as a result set, with no second set of rules.
     */
    public static LoadedPanel fromTable(String name, Table table, CsvOptions options) {
        try (Connection c = Connections.open("jdbc:duckdb:", Credentials.none())) {
            try (Statement s = c.createStatement()) {
                s.execute(TableSink.createTable(c, "bound", table));
            }
            TableSink.insert(c, "bound", table);
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM bound")) {
                return QueryRows.read(name, rows, options, "a table bound by the application");
            }
        } catch (SQLException e) {
            throw SqlErrors.error(SqlErrors.BAD_QUERY, "cannot read the bound table: " + SqlErrors.message(e), null, e);
        }
    }
}
