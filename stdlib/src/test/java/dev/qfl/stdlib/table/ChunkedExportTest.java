package dev.qfl.stdlib.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A table written in chunks is byte for byte the table written whole, and a failed write leaves no file. */
class ChunkedExportTest {
    private static final List<Column> COLUMNS = List.of(new Column("id", ColumnType.STRING),
            new Column("date", ColumnType.DATE), new Column("horizon", ColumnType.INTEGER),
            new Column("level", ColumnType.NUMBER), new Column("value", ColumnType.NUMBER));

    @TempDir
    Path dir;

    /** Rows of series {@code from} to {@code to} (exclusive), with awkward cells: a comma, a quote, NaN, noise. */
    private static Table rows(int from, int to, boolean hourly) {
        List<Table.Row> rows = new ArrayList<>();
        for (int s = from; s < to; s++) {
            for (int h = 1; h <= 3; h++) {
                Object date = hourly ? LocalDateTime.of(2024, 1, 1, h, 0) : LocalDate.of(2024, 1, h);
                double value = s == 3 && h == 2 ? Double.NaN : s * 10.1 + h / 3.0 + 0.1 + 0.2;
                rows.add(new Table.Row(s == 1 ? "A,\"1\"" : "S" + s, date, h, 0.9, value));
            }
        }
        return new Table(COLUMNS, rows, List.of(), Map.of());
    }

    private static Table concatenated(List<Table> chunks) {
        List<Table.Row> all = new ArrayList<>();
        chunks.forEach(c -> all.addAll(c.rows()));
        return new Table(COLUMNS, all, List.of("a note"), Map.of("query", "q"));
    }

    private void writeChunks(Path file, List<Table> chunks, boolean append) throws IOException {
        try (ChunkedExport out = ChunkedExport.open(file, COLUMNS, append)) {
            for (Table chunk : chunks) {
                out.write(chunk);
            }
            out.finish();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.csv", "a.parquet", "a.txt"})
    void chunksGiveTheBytesOfTheWholeTable(String name) throws Exception {
        for (boolean hourly : new boolean[] {false, true}) {
            // an empty chunk first: a Parquet date column's type must still come from the rows
            List<Table> chunks = List.of(rows(0, 0, hourly), rows(0, 2, hourly), rows(2, 5, hourly), rows(5, 6, hourly));
            Path whole = dir.resolve("whole-" + hourly + "-" + name);
            Path chunked = dir.resolve("chunked-" + hourly + "-" + name);
            TableExporter.write(concatenated(chunks), whole);
            writeChunks(chunked, chunks, false);
            assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(chunked), name + " hourly=" + hourly);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"e.csv", "e.parquet"})
    void noRowsGiveTheEmptyFileOfTheWholeTable(String name) throws Exception {
        TableExporter.write(new Table(COLUMNS, List.of(), List.of(), Map.of()), dir.resolve("whole-" + name));
        writeChunks(dir.resolve("chunked-" + name), List.of(), false);
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole-" + name)), Files.readAllBytes(dir.resolve("chunked-" + name)));
    }

    @Test
    void anAppendInChunksGivesTheBytesOfAWholeAppend() throws Exception {
        for (String existing : new String[] {null, "", "id,date,horizon,level,value\nX,2023-12-31,1,0.5,1\n",
                "id,date,horizon,level,value\nX,2023-12-31,1,0.5,1"}) {
            Path whole = dir.resolve("whole.csv");
            Path chunked = dir.resolve("chunked.csv");
            Files.deleteIfExists(whole);
            Files.deleteIfExists(chunked);
            if (existing != null) {
                Files.writeString(whole, existing);
                Files.writeString(chunked, existing);
            }
            List<Table> chunks = List.of(rows(0, 2, false), rows(2, 3, false));
            TableExporter.append(concatenated(chunks), whole);
            writeChunks(chunked, chunks, true);
            assertEquals(Files.readString(whole), Files.readString(chunked), "existing: " + existing);
        }
    }

    @Test
    void anAppendToOtherColumnsIsRefusedAndLeavesTheFile() throws Exception {
        Path log = Files.writeString(dir.resolve("log.csv"), "a,b\n1,2\n");
        assertThrows(TableExporter.HeaderMismatch.class, () -> ChunkedExport.open(log, COLUMNS, true));
        assertEquals("a,b\n1,2\n", Files.readString(log));
        assertEquals(List.of(), temporaries());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.csv", "f.parquet"})
    void aFailureMidWayLeavesThePreviousFileAndNoTemporary(String name) throws Exception {
        Path target = dir.resolve(name);
        assertThrows(IllegalStateException.class, () -> {
            try (ChunkedExport out = ChunkedExport.open(target, COLUMNS, false)) {
                out.write(rows(0, 2, false));
                throw new IllegalStateException("injected: a failure after the first chunk");
            }
        });
        assertFalse(Files.exists(target), "no partial file");
        assertEquals(List.of(), temporaries());

        TableExporter.write(rows(7, 8, false), target);
        byte[] previous = Files.readAllBytes(target);
        assertThrows(IllegalStateException.class, () -> {
            try (ChunkedExport out = ChunkedExport.open(target, COLUMNS, false)) {
                out.write(rows(0, 2, false));
                out.write(rows(2, 4, false));
                throw new IllegalStateException("injected");
            }
        });
        assertArrayEquals(previous, Files.readAllBytes(target), "the previous file is untouched");
        assertEquals(List.of(), temporaries());
    }

    @Test
    void jsonIsNotWrittenInChunks() {
        assertFalse(ChunkedExport.supports(Path.of("x.JSON")));
        assertTrue(ChunkedExport.supports(Path.of("x.csv")));
        assertThrows(IllegalArgumentException.class, () -> ChunkedExport.open(dir.resolve("x.json"), COLUMNS, false));
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
