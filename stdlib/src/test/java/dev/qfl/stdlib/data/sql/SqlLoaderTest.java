package dev.qfl.stdlib.data.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.Missing;
import dev.qfl.stdlib.data.Fill;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.Panel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlLoaderTest {
    @TempDir
    Path dir;

    private static final CsvOptions LONG = new CsvOptions("week", "units", "sku", null, null, null);
    private final SqlLoader loader = new SqlLoader(Map.of());

    /** Two SKUs, eight weeks each, written as Parquet by DuckDB into {@code sales/part-N.parquet}. */
    private void writeSales() throws Exception {
        Files.createDirectories(dir.resolve("sales"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String sku : new String[] {"A", "B"}) {
                s.execute("COPY (SELECT '" + sku + "' AS sku, DATE '2024-01-01' + CAST(i * 7 AS INTEGER) AS week, "
                        + "CAST(i + " + (sku.equals("A") ? 10 : 20) + " AS DOUBLE) AS units FROM range(8) t(i)) TO '"
                        + dir.resolve("sales/part-" + sku + ".parquet") + "' (FORMAT PARQUET)");
            }
        }
    }

    private LoadedPanel embedded(String query, CsvOptions options) {
        return loader.load("demand", SqlRequest.embedded(query, dir, null), options);
    }

    @Test
    void sqlReadsParquetByAPathRelativeToTheScriptFolder() throws Exception {
        writeSales();
        LoadedPanel loaded = embedded("select sku, week, units from 'sales/*.parquet'", LONG);
        Panel p = loaded.panel();
        assertEquals(Frequency.WEEK, p.frequency());
        assertEquals(2, p.series().size());
        assertArrayEquals(new double[] {10, 11, 12, 13, 14, 15, 16, 17}, p.find("A").orElseThrow().values());
        assertTrue(loaded.notes().get(0).contains("2 series, week"), loaded.notes().toString());
        assertTrue(loaded.notes().get(0).contains("16 rows"), loaded.notes().toString());
    }

    @Test
    void parquetShorthandReadsAFileOrAGlob() throws Exception {
        writeSales();
        Panel one = loader.load("d", SqlRequest.parquet("sales/part-B.parquet", dir, null), LONG).panel();
        assertEquals(1, one.series().size());
        assertEquals(20, one.series().get(0).value(0));
        Panel all = loader.load("d", SqlRequest.parquet("sales/*.parquet", dir, null), LONG).panel();
        assertEquals(2, all.series().size());
    }

    @Test
    void nullValuesAreGapsThatFillClosesOrThatAreReported() {
        String q = "select * from (values ('A', DATE '2024-01-01', 1.0), ('A', DATE '2024-01-02', NULL), "
                + "('A', DATE '2024-01-03', 3.0)) t(sku, week, units)";
        QflException gap = assertThrows(QflException.class, () -> embedded(q, LONG));
        assertEquals("QF3107", gap.code());
        CsvOptions filled = new CsvOptions("week", "units", "sku", null, new Fill.Constant(0), null);
        assertArrayEquals(new double[] {1, 0, 3}, embedded(q, filled).panel().series().get(0).values());
    }

    @Test
    void textTimesAndTimestampsAreRead() {
        Panel text = embedded("select * from (values ('2024-01', 1), ('2024-02', 2)) t(week, units)",
                new CsvOptions("week", "units", null, null, null, null)).panel();
        assertEquals(Frequency.MONTH, text.frequency());
        Panel stamps = embedded("select TIMESTAMP '2024-01-01 10:00' + to_hours(i) as week, i as units from range(3) t(i)",
                new CsvOptions("week", "units", null, null, null, null)).panel();
        assertEquals(Frequency.HOUR, stamps.frequency());
        Panel zoned = embedded("select TIMESTAMPTZ '2024-01-01 10:00:00+02' + to_hours(i) as week, i as units "
                + "from range(3) t(i)", new CsvOptions("week", "units", null, null, null, null)).panel();
        assertEquals(java.time.LocalDateTime.of(2024, 1, 1, 8, 0), zoned.series().get(0).start(), "taken in UTC");
    }

    @Test
    void severalKeyColumnsNameASeriesAsInCsvFiles() {
        CsvOptions keys = new CsvOptions("week", "units", null, null, null, null, null, null, CsvOptions.DEFAULT_MAX_ROWS,
                new DataShape(List.of("sku", "store"), ',', null, false, Missing.UNKNOWN, null));
        String q = "select * from (values ('A', 'north', DATE '2024-01-01', 1), ('A', 'north', DATE '2024-01-02', 2), "
                + "('A', 'south', DATE '2024-01-01', 3), ('A', 'south', DATE '2024-01-02', 4)) t(sku, store, week, units)";
        Panel p = embedded(q, keys).panel();
        assertEquals(List.of("A/north", "A/south"), p.series().stream().map(s -> s.id()).toList());
        QflException separator = assertThrows(QflException.class, () -> embedded(q.replace("'north'", "'n/e'"), keys));
        assertEquals("QF3151", separator.code());
    }

    @Test
    void wideResultsMakeOneSeriesPerColumn() {
        Panel p = embedded("select DATE '2024-01-01' + CAST(i AS INTEGER) as week, i as north, 2 * i as south "
                + "from range(4) t(i)", new CsvOptions("week", null, null, null, null, null)).panel();
        assertEquals(2, p.series().size());
        assertEquals(6, p.find("south").orElseThrow().value(3));
    }

    @Test
    void jdbcSourceReadsAnH2DatabaseWithCredentialsFromAFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("shop");
        try (Connection c = DriverManager.getConnection(url, "planner", "s3cret"); Statement s = c.createStatement()) {
            s.execute("create table sales (sku varchar(10), week date, units int)");
            s.execute("insert into sales values ('A', DATE '2024-01-01', 5), ('A', DATE '2024-01-08', 6), "
                    + "('A', DATE '2024-01-15', 7)");
        }
        Path creds = dir.resolve("db.properties");
        Files.writeString(creds, "user=planner\npassword=s3cret\n");
        // H2 reports the unquoted names in upper case; options name them as written in the query
        Panel p = loader.load("d", SqlRequest.jdbc(url, "select sku, week, units from sales", creds, dir), LONG).panel();
        assertArrayEquals(new double[] {5, 6, 7}, p.find("A").orElseThrow().values());
        Panel fromEnvironment = new SqlLoader(Map.of(Credentials.USER_VARIABLE, "planner",
                Credentials.PASSWORD_VARIABLE, "s3cret"))
                .load("d", SqlRequest.jdbc(url, "select * from sales", null, dir), LONG).panel();
        assertEquals(p.fingerprint(), fromEnvironment.fingerprint());
        QflException refused = assertThrows(QflException.class, () -> new SqlLoader(Map.of(Credentials.USER_VARIABLE,
                "planner", Credentials.PASSWORD_VARIABLE, "wrong")).load("d",
                SqlRequest.jdbc(url, "select * from sales", null, dir), LONG));
        assertEquals("QF3132", refused.code());
        assertTrue(refused.getMessage().startsWith("cannot connect to jdbc:h2:file:"), refused.getMessage());
    }

    @Test
    void theFingerprintFollowsTheRowsRead() {
        String q = "select * from (values ('A', DATE '2024-01-01', 1), ('A', DATE '2024-01-02', %d)) t(sku, week, units)";
        String first = embedded(String.format(q, 2), LONG).panel().fingerprint();
        assertEquals(first, embedded(String.format(q, 2), LONG).panel().fingerprint());
        assertNotEquals(first, embedded(String.format(q, 3), LONG).panel().fingerprint());
    }

    @Test
    void badStatementsNameTheDatabasesOwnMessage() {
        QflException bad = assertThrows(QflException.class, () -> embedded("select sku from no_such_table", LONG));
        assertEquals("QF3130", bad.code());
        assertTrue(bad.getMessage().contains("no_such_table"), bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"), bad.getMessage());
        QflException write = assertThrows(QflException.class, () -> embedded("drop table sales", LONG));
        assertEquals("QF3130", write.code());
        QflException missing = assertThrows(QflException.class,
                () -> loader.load("d", SqlRequest.parquet("nothing/*.parquet", dir, null), LONG));
        assertEquals("QF3106", missing.code());
    }

    @Test
    void aMissingDriverAndAPasswordInTheUrlAreRefused() {
        QflException driver = assertThrows(QflException.class,
                () -> loader.load("d", SqlRequest.jdbc("jdbc:nosuchdb://host/db", "select 1", null, dir), LONG));
        assertEquals("QF3131", driver.code());
        assertTrue(driver.hint().orElseThrow().contains("QFL_JDBC_DRIVERS"));
        QflException password = assertThrows(QflException.class, () -> loader.load("d",
                SqlRequest.jdbc("jdbc:postgresql://db/sales?user=a&password=b", "select 1", null, dir), LONG));
        assertEquals("QF3134", password.code());
        assertTrue(Credentials.passwordIn("jdbc:postgresql://a:b@db/sales").isPresent());
        assertTrue(Credentials.passwordIn("jdbc:h2:file:/x;PASSWORD=b").isPresent());
        assertTrue(Credentials.passwordIn("jdbc:oracle:thin:scott/tiger@db:1521:orcl").isPresent());
        assertTrue(Credentials.passwordIn("jdbc:postgresql://db:5432/sales?ssl=true").isEmpty());
    }

    @Test
    void driversAreFoundInTheJarsTheEnvironmentLists() throws Exception {
        Path jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(ExtraDrivers.find("jdbc:h2:mem:x", Map.of()).isEmpty());
        assertTrue(ExtraDrivers.find("jdbc:h2:mem:x", Map.of(ExtraDrivers.VARIABLE, jar.toString())).isPresent());
        assertTrue(ExtraDrivers.find("jdbc:h2:mem:x", Map.of(ExtraDrivers.VARIABLE, jar.getParent().toString())).isPresent());
        assertTrue(ExtraDrivers.find("jdbc:nosuchdb://x", Map.of(ExtraDrivers.VARIABLE, jar.toString())).isEmpty());
    }

    @Test
    void columnsOfTheWrongTypeOrMissingAreNamed() {
        String q = "select * from (values ('A', DATE '2024-01-01', 'x'), ('A', DATE '2024-01-02', 'y')) t(sku, week, units)";
        QflException type = assertThrows(QflException.class, () -> embedded(q, LONG));
        assertEquals("QF3133", type.code());
        assertTrue(type.getMessage().contains("\"units\" is of type VARCHAR"), type.getMessage());
        QflException time = assertThrows(QflException.class, () -> embedded("select 1.5 as week, 2 as units",
                new CsvOptions("week", "units", null, null, null, null)));
        assertEquals("QF3133", time.code());
        QflException missing = assertThrows(QflException.class, () -> embedded(q.replace("units)", "unit)"), LONG));
        assertEquals("QF3104", missing.code());
        assertTrue(missing.hint().orElseThrow().contains("did you mean \"unit\""), missing.hint().toString());
        QflException nullId = assertThrows(QflException.class, () -> embedded(
                "select * from (values (NULL, DATE '2024-01-01', 1)) t(sku, week, units)", LONG));
        assertEquals("QF3136", nullId.code());
    }

    @Test
    void aConfinedSessionsQueriesReadOnlyInsideItsFolder() throws Exception {
        writeSales();
        Path root = dir.toRealPath();
        SqlRequest inside = SqlRequest.embedded("select * from '" + root.resolve("sales") + "/*.parquet'", dir, root);
        assertEquals(2, loader.load("d", inside, LONG).panel().series().size());
        assertEquals(1, loader.load("d", SqlRequest.parquet("sales/part-A.parquet", root, root), LONG).panel()
                .series().size());
        // DuckDB checks a relative path against the process's working directory, which is not the
        // session's folder: refused, with a hint, rather than allowed everywhere
        QflException relative = assertThrows(QflException.class, () -> loader.load("d",
                SqlRequest.embedded("select * from 'sales/*.parquet'", dir, root), LONG));
        assertEquals("QF5021", relative.code());
        assertTrue(relative.hint().orElseThrow().contains("parquet("), relative.hint().toString());
        Path outside = Files.createTempFile("qfl-outside", ".csv");
        try {
            Files.writeString(outside, "week,units\n2024-01-01,1\n2024-01-02,2\n");
            QflException refused = assertThrows(QflException.class, () -> loader.load("d", SqlRequest.embedded(
                    "select * from read_csv('" + outside + "')", dir, dir.toRealPath()),
                    new CsvOptions("week", "units", null, null, null, null)));
            assertEquals("QF5021", refused.code());
            QflException unlock = assertThrows(QflException.class, () -> loader.load("d", SqlRequest.embedded(
                    "set enable_external_access = true; select * from read_csv('" + outside + "')", dir, dir.toRealPath()),
                    new CsvOptions("week", "units", null, null, null, null)));
            assertTrue(unlock.code().equals("QF3130") || unlock.code().equals("QF5021"), unlock.code());
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
