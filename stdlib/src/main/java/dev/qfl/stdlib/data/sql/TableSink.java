package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes an answer into a database table, all or nothing: the old rows are deleted and the new
 * ones inserted in one transaction, so a reader sees the previous table or the new one, and a
 * failed export (a lost connection, a refused row) leaves the previous table as it was. A table
 * that does not exist yet is created with the answer's columns; one that exists must have them.
 */
public final class TableSink {
    /** A plain name or schema.name: letters, digits and underscores, not starting with a digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final int BATCH = 1_000;

    private TableSink() {
    }

    /** Why {@code name} cannot name a table, or empty when it can. */
    public static Optional<String> badName(String name) {
        if (NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("\"" + name + "\" is not a table name: use letters, digits and _ (and one . after a schema)");
    }

    /** Exports {@code table} to the table {@code name} of the database at {@code url}. */
    public static void toUrl(Table table, String name, String url, Credentials credentials) {
        toUrl(table, name, url, credentials, java.util.Map.of());
    }

    /**
     * Exports {@code table} to the table {@code name} of the database at {@code url}, whose driver
     * may also be in the jars {@code environment} lists ({@code QFL_JDBC_DRIVERS}).
     */
    public static void toUrl(Table table, String name, String url, Credentials credentials,
                             java.util.Map<String, String> environment) {
        requireName(name);
        Credentials.passwordIn(url).ifPresent(what -> {
            throw SqlErrors.error(SqlErrors.PASSWORD_IN_URL, "the connection URL holds " + what, SqlLoader.PASSWORD_HINT,
                    null);
        });
        write(table, name, Connections.open(url, credentials, environment));
    }

    /** Exports {@code table} to the table {@code name} of the DuckDB database file {@code file}. */
    public static void toDuckDbFile(Table table, String name, Path file) {
        requireName(name);
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
        } catch (java.io.IOException e) {
            throw SqlErrors.error(SqlErrors.EXPORT_FAILED, "cannot create the folder of " + file.getFileName() + ": "
                    + e.getMessage(), null, e);
        }
        write(table, name, Connections.duckdbFile(file));
    }

    private static void requireName(String name) {
        badName(name).ifPresent(why -> {
            throw SqlErrors.error(SqlErrors.BAD_TABLE_NAME, why, null, null);
        });
    }

    private static void write(Table table, String name, Connection connection) {
        try (Connection c = connection) {
            String quoted = quoted(c, name);
            Optional<List<String>> existing = columnsOf(c, quoted);
            if (existing.isPresent() && !sameNames(existing.get(), table.columnNames())) {
                throw SqlErrors.error(SqlErrors.TABLE_COLUMNS, "the table " + name + " has the columns "
                        + String.join(", ", existing.get()) + ", not " + String.join(", ", table.columnNames()),
                        "export to a new table, or drop the old one first", null);
            }
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute(existing.isPresent() ? "DELETE FROM " + quoted : createTable(c, quoted, table));
                }
                insert(c, quoted, table);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                if (existing.isEmpty()) {
                    dropQuietly(c, quoted);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.error(SqlErrors.EXPORT_FAILED, "the database refused the export to " + name + ": "
                    + SqlErrors.message(e), "nothing was written: the table is as it was before", e);
        }
    }

    /** The existing table's columns, or empty when there is no such table. */
    private static Optional<List<String>> columnsOf(Connection c, String quoted) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + quoted + " WHERE 1 = 0")) {
            ResultSetMetaData meta = r.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            return Optional.of(names);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code CREATE TABLE} with the table's columns in types every SQL database knows. */
    static String createTable(Connection c, String quoted, Table table) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Column col = table.columns().get(i);
            columns.add(quoteIdentifier(c, col.name()) + " " + sqlType(table, i, col.type()));
        }
        return "CREATE TABLE " + quoted + " (" + String.join(", ", columns) + ")";
    }

    private static String sqlType(Table table, int column, ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR(4000)";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE PRECISION";
            case DATE -> table.rows().stream().anyMatch(r -> r.get(column) instanceof LocalDateTime) ? "TIMESTAMP" : "DATE";
        };
    }

    static void insert(Connection c, String quoted, Table table) throws SQLException {
        int n = table.columns().size();
        String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + quoted + " VALUES (" + marks + ")")) {
            int pending = 0;
            for (Table.Row row : table.rows()) {
                for (int i = 0; i < n; i++) {
                    bind(p, i + 1, row.get(i), table.columns().get(i).type());
                }
                p.addBatch();
                if (++pending == BATCH) {
                    p.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                p.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement p, int index, Object cell, ColumnType type) throws SQLException {
        if (cell == null || cell instanceof Double d && (d.isNaN() || d.isInfinite())) {
            p.setNull(index, switch (type) {
                case STRING -> Types.VARCHAR;
                case INTEGER -> Types.BIGINT;
                case NUMBER -> Types.DOUBLE;
                case DATE -> Types.DATE;
            });
        } else if (cell instanceof LocalDate d) {
            p.setDate(index, java.sql.Date.valueOf(d));
        } else if (cell instanceof LocalDateTime t) {
            p.setTimestamp(index, java.sql.Timestamp.valueOf(t));
        } else if (cell instanceof Number n && type == ColumnType.INTEGER) {
            p.setLong(index, n.longValue());
        } else if (cell instanceof Number n) {
            p.setDouble(index, n.doubleValue());
        } else {
            p.setString(index, cell.toString());
        }
    }

    /** {@code name} (plain or schema.name, already checked) quoted as the database quotes names. */
    static String quoted(Connection c, String name) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.")) {
            parts.add(quoteIdentifier(c, part));
        }
        return String.join(".", parts);
    }

    private static String quoteIdentifier(Connection c, String name) throws SQLException {
        String q = c.getMetaData().getIdentifierQuoteString();
        if (q == null || q.isBlank()) {
            q = "\"";
        }
        return q + name.replace(q, q + q) + q;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the server discards the open transaction itself
        }
    }

    /**
     * Removes a table this export created when filling it failed: databases whose DDL commits at
     * once (H2, MySQL) would otherwise keep an empty table that never held an answer.
     */
    private static void dropQuietly(Connection c, String quoted) {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + quoted);
            c.commit();
        } catch (SQLException ignored) {
            // best effort; the export's own error is the one to report
        }
    }
}
