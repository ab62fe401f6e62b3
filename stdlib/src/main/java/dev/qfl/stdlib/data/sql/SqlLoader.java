package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.PlannedRows;
import dev.qfl.stdlib.io.FileAccess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Reads a panel from a SQL query: {@code sql("SELECT ...")} in an embedded DuckDB,
 * {@code sql("jdbc:...", "SELECT ...")} on a database server, {@code parquet("path")}. The rows go
 * through the same assembly and options as a CSV file. Every failure is a {@link QflException}
 * with the database's own message; nothing is written anywhere.
 */
public final class SqlLoader {
    /** Rows fetched per round trip from a server: large enough for throughput, small for memory. */
    private static final int FETCH_SIZE = 10_000;

    private final Map<String, String> environment;

    /** A loader that takes credentials from {@code environment} when a call names no file. */
    public SqlLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Reads the panel {@code name} from what {@code request} asks. */
    public LoadedPanel load(String name, SqlRequest request, CsvOptions options) {
        return load(name, request, options, null);
    }

    /**
     * Reads the panel {@code name} from what {@code request} asks, with the future values of its
     * dynamic covariates from {@code future} (a {@code future:} source, or null), merged as a csv
     * source's are.
     */
    public LoadedPanel load(String name, SqlRequest request, CsvOptions options,
                            java.util.function.Supplier<PlannedRows> future) {
        return query(request, rows -> QueryRows.read(name, rows, options, request.source(), request.file(), future));
    }

    /**
     * Reads the planned rows of a {@code future:} query (the main source's time, id and dynamic
     * covariate columns). A problem of the query as a whole says it is the future one, since the
     * main source is a file and the declaration shows both.
     */
    public PlannedRows future(SqlRequest request, CsvOptions options) {
        try {
            return query(request, rows -> FutureQueryRows.read(rows, options));
        } catch (QflException e) {
            throw new QflException(e.diagnosticCode(), "future: " + e.getMessage(), e.position().orElse(null),
                    e.hint().orElse(null), e);
        }
    }

    /** What a reader makes of the rows of a query. */
    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(SqlRequest request, RowsReader<T> reader) {
        SqlText.notAQuery(request.query()).ifPresent(word -> {
            throw SqlErrors.error(SqlErrors.BAD_QUERY, "a data source only reads, and this statement starts with \""
                    + word + "\"", "write a query: SELECT ... (or WITH ...)", null);
        });
        if (request.url() != null) {
            Credentials.passwordIn(request.url()).ifPresent(what -> {
                throw SqlErrors.error(SqlErrors.PASSWORD_IN_URL, "the connection URL holds " + what, PASSWORD_HINT, null);
            });
        }
        Connection c = request.url() == null ? Connections.embedded(request.folder(), request.root())
                : Connections.open(request.url(), Credentials.resolve(request.credentials(), environment), environment);
        try (c) {
            readOnly(c);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(FETCH_SIZE);
                ResultSet rows = run(s, request);
                try (rows) {
                    return reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw refused(e, request);
        }
    }

    /** Where a password goes instead of the URL. */
    public static final String PASSWORD_HINT = "keep passwords out of scripts: credentials: \"db.properties\" (user=..., "
            + "password=...) or the environment variables " + Credentials.USER_VARIABLE + " and "
            + Credentials.PASSWORD_VARIABLE;

    private static ResultSet run(Statement s, SqlRequest request) throws SQLException {
        if (!s.execute(request.query())) {
            throw SqlErrors.error(SqlErrors.BAD_QUERY, "the statement returned no rows: a source needs a query",
                    "write a SELECT", null);
        }
        return s.getResultSet();
    }

    /**
     * Asks the server for a read-only session where the driver supports it (PostgreSQL then
     * refuses writes); a driver that does not is no reason to fail.
     */
    private static void readOnly(Connection c) {
        try {
            c.setReadOnly(true);
        } catch (SQLException | UnsupportedOperationException ignored) {
            // a hint to the driver only; statements are checked to be queries before running
        }
    }

    private static QflException refused(SQLException e, SqlRequest request) {
        String message = SqlErrors.message(e);
        if (request.root() != null && message.startsWith("Permission Error")) {
            return SqlErrors.error(FileAccess.OUTSIDE_ROOT, "the query may read only inside this session's folder: "
                    + message, "in a confined session, read files with parquet(\"path\") or name them by their full "
                    + "path inside the folder (relative paths in a query are not resolved there)", e);
        }
        if (request.url() == null && SqlErrors.missingFile(e)) {
            return SqlErrors.error(DataErrors.MISSING_FILE, "no file to read: " + message,
                    "relative paths are relative to the script's folder", e);
        }
        return SqlErrors.error(SqlErrors.BAD_QUERY, "the database refused the query: " + message,
                request.url() == null ? "the query runs in DuckDB; its SQL dialect is described at duckdb.org/docs"
                        : null, e);
    }
}
