package dev.qfl.stdlib.data.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the connections of sources and sinks: an embedded DuckDB (in memory for a query, or a
 * database file for an export), or any JDBC URL whose driver is on the class path.
 */
final class Connections {
    private Connections() {
    }

    /** Whether {@code target} is a JDBC URL (else it names an embedded DuckDB database file). */
    static boolean isUrl(String target) {
        return target.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    }

    /**
     * A fresh in-memory DuckDB whose relative paths ({@code FROM 'sales/*.parquet'}) resolve
     * against {@code folder} (DuckDB's {@code file_search_path}; the process's working directory
     * is shared by every session, so it is not changed). With {@code root} set, DuckDB may read
     * only inside it and nothing from the network, and the query cannot change that back.
     */
    static Connection embedded(Path folder, Path root) {
        Connection c = open("jdbc:duckdb:", Credentials.none());
        try (Statement s = c.createStatement()) {
            s.execute("SET file_search_path = " + literal(folder.toAbsolutePath().normalize().toString()));
            if (root != null) {
                String dir = root.toAbsolutePath().normalize().toString();
                s.execute("SET allowed_directories = [" + literal(dir.endsWith("/") ? dir : dir + "/") + "]");
                s.execute("SET enable_external_access = false");
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
            }
            s.execute("SET lock_configuration = true");
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqlErrors.error(SqlErrors.CONNECTION_FAILED, "cannot set up the embedded DuckDB: "
                    + SqlErrors.message(e), null, e);
        }
    }

    /** An embedded DuckDB database file (created when absent), for exports. */
    static Connection duckdbFile(Path file) {
        return open("jdbc:duckdb:" + file.toAbsolutePath().normalize(), Credentials.none());
    }

    /**
     * A connection to {@code url}.
     *
     * @throws dev.qfl.stdlib.QflException QF3131 when no driver takes the URL, QF3132 when the
     *                                     driver cannot connect (with the driver's message)
     */
    static Connection open(String url, Credentials credentials) {
        return open(url, credentials, Map.of());
    }

    /** A connection to {@code url}, also looking for its driver in the jars {@code environment} lists. */
    static Connection open(String url, Credentials credentials, Map<String, String> environment) {
        Driver driver;
        try {
            driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            driver = ExtraDrivers.find(url, environment).orElseThrow(() -> SqlErrors.error(SqlErrors.NO_DRIVER,
                    "no JDBC driver for " + Credentials.describe(url) + " is on the class path or in "
                            + ExtraDrivers.VARIABLE, "download the database's JDBC driver jar and name it: "
                            + ExtraDrivers.VARIABLE + "=/path/to/postgresql.jar (or a folder of jars); check the URL's "
                            + "spelling", e));
        }
        try {
            Connection c = driver.connect(url, credentials.properties());
            if (c == null) {
                throw new SQLException("the driver does not accept this URL");
            }
            return c;
        } catch (SQLException e) {
            throw SqlErrors.error(SqlErrors.CONNECTION_FAILED, "cannot connect to " + Credentials.describe(url) + ": "
                    + SqlErrors.message(e), "check the host, port, database name and credentials (credentials: "
                    + "\"file.properties\", or " + Credentials.USER_VARIABLE + " and " + Credentials.PASSWORD_VARIABLE
                    + ")", e);
        }
    }

    /** A SQL string literal: quotes doubled, so any path is one literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing after a failure: the failure is what the user needs to see
        }
    }
}
