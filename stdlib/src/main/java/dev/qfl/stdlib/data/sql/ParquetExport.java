package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A table as the bytes of a Parquet file, written by an in-memory DuckDB into a private temporary
 * file and read back, so the caller can put them in place atomically (write, then rename) like
 * any other export; or, for an answer too large to hold whole, its rows added in chunks to the
 * same DuckDB table and copied to a file once ({@link #rows}), which gives the same bytes.
 */
public final class ParquetExport {
    private ParquetExport() {
    }

    /** The Parquet file of {@code table}: one row group, the table's columns and types. */
    public static byte[] bytes(Table table) throws IOException {
        Path dir = Files.createTempDirectory("qfl-parquet-");
        Path file = dir.resolve("export.parquet");
        try (Connection c = Connections.open("jdbc:duckdb:", Credentials.none())) {
            try (Statement s = c.createStatement()) {
                s.execute(TableSink.createTable(c, "answer", table));
            }
            TableSink.insert(c, "answer", table);
            try (Statement s = c.createStatement()) {
                s.execute("COPY answer TO " + Connections.literal(file.toString()) + " (FORMAT PARQUET)");
            }
            return Files.readAllBytes(file);
        } catch (SQLException e) {
            throw new IOException("DuckDB could not write Parquet: " + SqlErrors.message(e), e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * An empty answer table of {@code columns} in an in-memory DuckDB, filled chunk by chunk. The
     * rows live in DuckDB's columnar storage (native memory, compressed, spilled to disk when
     * large), not as Java objects.
     */
    public static Rows rows(List<Column> columns) {
        return new Rows(Connections.open("jdbc:duckdb:", Credentials.none()), columns);
    }

    /** The rows of one Parquet file being gathered; close it when done, copied or not. */
    public static final class Rows implements AutoCloseable {
        private final Connection connection;
        private final List<Column> columns;
        private boolean created;

        private Rows(Connection connection, List<Column> columns) {
            this.connection = connection;
            this.columns = List.copyOf(columns);
        }

        /** Adds the rows of {@code chunk}, whose columns are this file's. */
        public void add(Table chunk) throws IOException {
            if (chunk.rowCount() == 0) {
                return;
            }
            try {
                // created with the first rows: a date column is TIMESTAMP when its cells have a time
                // of day, which only rows tell (every chunk of one answer has the same frequency)
                create(chunk);
                TableSink.insert(connection, "answer", chunk);
            } catch (SQLException e) {
                throw new IOException("DuckDB could not write Parquet: " + SqlErrors.message(e), e);
            }
        }

        /** Writes the rows added so far to {@code file} (replaced), as {@link #bytes} would write them. */
        public void copyTo(Path file) throws IOException {
            try {
                create(new Table(columns, List.of(), List.of(), Map.of()));
                Files.deleteIfExists(file);
                try (Statement s = connection.createStatement()) {
                    s.execute("COPY answer TO " + Connections.literal(file.toString()) + " (FORMAT PARQUET)");
                }
            } catch (SQLException e) {
                throw new IOException("DuckDB could not write Parquet: " + SqlErrors.message(e), e);
            }
        }

        private void create(Table like) throws SQLException {
            if (!created) {
                try (Statement s = connection.createStatement()) {
                    s.execute(TableSink.createTable(connection, "answer", like));
                }
                created = true;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IOException("DuckDB could not close: " + SqlErrors.message(e), e);
            }
        }
    }
}
