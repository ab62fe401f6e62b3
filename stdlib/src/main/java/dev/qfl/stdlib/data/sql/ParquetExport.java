package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A table as the bytes of a Parquet file, written by an in-memory DuckDB into a private temporary
 * file and read back, so the caller can put them in place atomically (write, then rename) like
 * any other export.
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
}
