package dev.qfl.spark;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.sql.SqlErrors;
import dev.qfl.stdlib.data.sql.SqlText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@code sql("SELECT ...")} series on Spark: the query runs once, on the driver, in an embedded
 * DuckDB whose relative paths start at the script's folder (as on one JVM), and DuckDB streams
 * its result into a Parquet file in a hidden folder beside the script, which Spark then reads on
 * the executors like any {@code parquet(...)} series. The driver's memory stays flat (DuckDB
 * spills what it cannot hold); its time and disk grow with the result, and the query itself runs
 * on one machine: a query that joins or aggregates files scales as far as one DuckDB does. The
 * folder must be visible to the executors (a shared mount on a cluster), and is removed when the
 * run ends.
 */
final class DriverQuery {
    private DriverQuery() {
    }

    /** The result of the source's query as a Parquet file; delete its folder ({@code getParent()}) when done. */
    static Path toParquet(SeriesSource source) {
        String query = source.path();
        SqlText.notAQuery(query).ifPresent(word -> {
            throw new QflException(SqlErrors.BAD_QUERY, "a data source only reads, and this statement starts with \""
                    + word + "\"", null, "write a query: SELECT ... (or WITH ...)", null);
        });
        Path folder = Path.of(source.location());
        Path dir = folder.resolve(".qfl-spark-sql-" + UUID.randomUUID());
        Path file = dir.resolve("rows.parquet");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new QflException(DataErrors.MISSING_FILE, "cannot write the query's rows beside the script: "
                    + e.getMessage(), null, null, e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET file_search_path = " + literal(folder.toString()));
            s.execute("COPY (" + query + ") TO " + literal(file.toString()) + " (FORMAT PARQUET)");
            return file;
        } catch (SQLException e) {
            delete(dir);
            String message = message(e);
            if (message.toLowerCase(java.util.Locale.ROOT).contains("no files found")
                    || message.toLowerCase(java.util.Locale.ROOT).contains("no such file")) {
                throw new QflException(DataErrors.MISSING_FILE, "no file to read: " + message, null,
                        "relative paths are relative to the script's folder", e);
            }
            throw new QflException(SqlErrors.BAD_QUERY, "the database refused the query: " + message, null,
                    "the query runs in DuckDB; its SQL dialect is described at duckdb.org/docs", e);
        }
    }

    /** Removes the folder of a query's rows (quietly: a leftover is only a hidden folder). */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do
        }
    }

    /**
     * DuckDB's message on one line, as one JVM shows it (stdlib's SqlErrors, package-private):
     * the first line that says something, without DuckDB's generic wrapper line.
     */
    private static String message(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Invalid Input Error: Attempting to execute an unsuccessful"))
                .findFirst().orElse(text.strip());
        first = first.startsWith("Error: ") ? first.substring("Error: ".length()) : first;
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

}
