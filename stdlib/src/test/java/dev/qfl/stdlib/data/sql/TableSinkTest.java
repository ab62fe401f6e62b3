package dev.qfl.stdlib.data.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import dev.qfl.stdlib.table.TableExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSinkTest {
    @TempDir
    Path dir;

    private static final List<Column> COLUMNS = List.of(new Column("id", ColumnType.STRING),
            new Column("date", ColumnType.DATE), new Column("horizon", ColumnType.INTEGER),
            new Column("level", ColumnType.NUMBER), new Column("value", ColumnType.NUMBER));

    /** An answer of {@code rows} rows whose values are {@code base}, {@code base + 1}, ... */
    private static Table answer(int rows, double base) {
        List<Table.Row> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(new Table.Row("A", LocalDate.of(2024, 1, 1).plusDays(i), i + 1, 0.9, base + i));
        }
        return new Table(COLUMNS, out, List.of(), Map.of());
    }

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("plans");
    }

    private static Credentials sa() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return new Credentials(p);
    }

    private List<Double> values(String url) throws Exception {
        List<Double> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select \"value\" from \"plan\" order by \"horizon\"")) {
            while (r.next()) {
                out.add(r.getDouble(1));
            }
        }
        return out;
    }

    @Test
    void exportsToAnH2TableAndReplacesItOnReExport() throws Exception {
        TableSink.toUrl(answer(3, 10), "plan", h2(), sa());
        assertEquals(List.of(10.0, 11.0, 12.0), values(h2()));
        TableSink.toUrl(answer(2, 50), "plan", h2(), sa());
        assertEquals(List.of(50.0, 51.0), values(h2()));
    }

    @Test
    void aFailedExportLeavesThePreviousTable() throws Exception {
        TableSink.toUrl(answer(3, 10), "plan", h2(), sa());
        try (Connection c = DriverManager.getConnection(h2(), "sa", ""); Statement s = c.createStatement()) {
            s.execute("alter table \"plan\" add constraint small check (\"value\" < 100)");
        }
        // row 1,401 (value 100) breaks the constraint: after the old rows were deleted and a batch was inserted
        QflException e = assertThrows(QflException.class, () -> TableSink.toUrl(answer(1_500, -1_300), "plan", h2(), sa()));
        assertEquals("QF5030", e.code());
        assertTrue(e.hint().orElseThrow().contains("as it was"));
        assertEquals(List.of(10.0, 11.0, 12.0), values(h2()));
    }

    @Test
    void aTableOfOtherColumnsIsNotReplaced() throws Exception {
        try (Connection c = DriverManager.getConnection(h2(), "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table \"plan\" (\"sku\" varchar(10), \"units\" int)");
            s.execute("insert into \"plan\" values ('A', 1)");
        }
        QflException e = assertThrows(QflException.class, () -> TableSink.toUrl(answer(2, 1), "plan", h2(), sa()));
        assertEquals("QF5032", e.code());
        try (Connection c = DriverManager.getConnection(h2(), "sa", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from \"plan\"")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    @Test
    void exportsToADuckDbFileAndReadsBack() throws Exception {
        Path file = dir.resolve("plan.duckdb");
        TableSink.toDuckDbFile(answer(3, 10), "plan", file);
        TableSink.toDuckDbFile(answer(4, 20), "plan", file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), min(value), max(date) from plan")) {
            r.next();
            assertEquals(4, r.getInt(1));
            assertEquals(20.0, r.getDouble(2));
            assertEquals(LocalDate.of(2024, 1, 4), r.getObject(3, LocalDate.class));
        }
    }

    @Test
    void badTableNamesAndPasswordsInUrlsAreRefusedBeforeConnecting() {
        assertEquals("QF5031", assertThrows(QflException.class,
                () -> TableSink.toUrl(answer(1, 1), "plan; drop table x", h2(), sa())).code());
        assertTrue(TableSink.badName("planning.plan").isEmpty());
        assertFalse(TableSink.badName("1plan").isEmpty());
        assertEquals("QF3134", assertThrows(QflException.class,
                () -> TableSink.toUrl(answer(1, 1), "plan", h2() + ";PASSWORD=x", sa())).code());
    }

    @Test
    void parquetExportsAreReadableAndWrittenWhole() throws Exception {
        Path file = dir.resolve("out/plan.parquet");
        Files.createDirectories(file.getParent());
        TableExporter.write(answer(5, 1), file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), sum(value), min(date) from '" + file + "'")) {
            r.next();
            assertEquals(5, r.getInt(1));
            assertEquals(15.0, r.getDouble(2));
            assertEquals(LocalDate.of(2024, 1, 1), r.getObject(3, LocalDate.class));
        }
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left beside the export");
        }
    }
}
