package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.api.Result;
import dev.qfl.cli.CliRun;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Series read by sql(...) and parquet(...), and answers exported to database tables, run end to end. */
class DatabaseSourcesTest {
    @TempDir
    Path dir;

    private static final String OPTIONS = "time: \"date\", value: \"units\", id: \"sku\"";
    private static final String QUESTIONS = """
            model naive = seasonal_naive(demand, horizon: 3, season: 2)
            model smooth = ets(demand, horizon: 3)
            let a = quantile(demand, [0.1, 0.5, 0.9]) using naive
            let b = quantile(demand, [0.1, 0.5, 0.9]) using smooth
            """;

    @BeforeEach
    void data() throws Exception {
        CliRun.writeSales(dir);
        // the same rows as Parquet, written by DuckDB from the CSV file
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            Files.createDirectories(dir.resolve("sales"));
            s.execute("COPY (SELECT CAST(date AS DATE) AS date, sku, CAST(units AS DOUBLE) AS units FROM read_csv('"
                    + dir.resolve("sales.csv") + "')) TO '" + dir.resolve("sales/all.parquet") + "' (FORMAT PARQUET)");
        }
    }

    private QflSession session() {
        return QflEngine.builder().cacheDirectory(dir.resolve("cache")).build().openSession(dir);
    }

    private Table run(String declaration, String let) throws Exception {
        try (QflSession s = session()) {
            s.evaluate("plan.qfl", declaration + "\n" + QUESTIONS);
            return s.table(let).orElseThrow();
        }
    }

    @Test
    void sqlAndParquetGiveTheSameForecastsAsTheSameDataViaCsv() throws Exception {
        String csv = "series demand = csv(\"sales.csv\", " + OPTIONS + ")";
        String sql = "series demand = sql(\"select sku, date, units from 'sales/*.parquet'\", " + OPTIONS + ")";
        String parquet = "series demand = parquet(\"sales/all.parquet\", " + OPTIONS + ")";
        for (String let : new String[] {"a", "b"}) {
            Table expected = run(csv, let);
            assertEquals(expected.rows(), run(sql, let).rows(), let);
            assertEquals(expected.rows(), run(parquet, let).rows(), let);
        }
    }

    @Test
    void aQueryNamesASeriesBySeveralKeyColumnsAsCsvDoes() throws Exception {
        // the same rows with a second key, derived in the query: every series gets store "S1"
        String csv = "series demand = csv(\"sales.csv\", time: \"date\", value: \"units\", id: \"sku\")";
        String sql = "series demand = sql(\"select sku, 'S1' as store, date, units from 'sales/*.parquet'\", "
                + "time: \"date\", value: \"units\", id: [\"sku\", \"store\"])";
        Table single = run(csv, "a");
        Table keyed = run(sql, "a");
        assertEquals(single.rowCount(), keyed.rowCount());
        for (int r = 0; r < keyed.rowCount(); r++) {
            assertEquals(single.get(r, "id") + "/S1", keyed.get(r, "id"));
            assertEquals("S1", keyed.get(r, "store"));
            assertEquals(single.get(r, "id"), keyed.get(r, "sku"));
            assertEquals(single.getDouble(r, "value"), keyed.getDouble(r, "value"), 1e-12);
        }
    }

    @Test
    void absentRowsOfAQueryAreZerosWithMissingZero() throws Exception {
        // B has no row on odd days: a gap without missing: zero, observed zeros with it
        String query = "series demand = sql(\"select * from 'sales/*.parquet' where not (sku = 'B' and day(date) % 2 = 1)\", "
                + OPTIONS;
        assertEquals("QF3107", failure(query + ")").code());
        try (QflSession s = session()) {
            s.evaluate("plan.qfl", query + ", missing: zero)\n" + QUESTIONS);
            Table a = s.table("a").orElseThrow();
            assertTrue(a.rowCount() > 0);
        }
    }

    @Test
    void aJdbcSourceReadsADatabaseByItsUrlWithCredentialsFromAFile() throws Exception {
        // a DuckDB database file opened through its JDBC URL, like any server's (H2, the other test
        // database, is a test dependency of stdlib only; SqlLoaderTest reads it)
        Path db = dir.resolve("shop.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("create table sales as select * from '" + dir.resolve("sales/all.parquet") + "'");
        }
        Files.writeString(dir.resolve("db.properties"), "user=planner\npassword=pw\n");
        String jdbc = "series demand = sql(\"jdbc:duckdb:" + db + "\", \"select sku, date, units from sales\", "
                + OPTIONS + ", credentials: \"db.properties\")";
        assertEquals(run("series demand = csv(\"sales.csv\", " + OPTIONS + ")", "a").rows(), run(jdbc, "a").rows());
    }

    @Test
    void exportsReplaceADuckDbTableAndWriteParquet() throws Exception {
        try (QflSession s = session()) {
            Result r = s.evaluate("plan.qfl", "series demand = csv(\"sales.csv\", " + OPTIONS + ")\n" + QUESTIONS
                    + "export a to table \"plan\" in \"out/plan.duckdb\"\n"
                    + "export b to table \"plan\" in \"out/plan.duckdb\"\n"
                    + "export b to \"out/plan.parquet\"\n");
            assertTrue(r.outputs().toString().contains("wrote table plan in out/plan.duckdb"), r.outputs().toString());
            int rows = s.table("b").orElseThrow().rowCount();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("out/plan.duckdb"));
                 Statement st = c.createStatement();
                 ResultSet t = st.executeQuery("select count(*), (select count(*) from '" + dir.resolve("out/plan.parquet")
                         + "') from plan")) {
                t.next();
                assertEquals(rows, t.getInt(1));
                assertEquals(rows, t.getInt(2));
            }
        }
    }

    private Diagnostic failure(String declaration) {
        try (QflSession s = session()) {
            QflScriptException e = assertThrows(QflScriptException.class, () -> s.evaluate("plan.qfl",
                    "# data\n" + declaration + "\n"));
            assertFalse(s.names().contains("demand"), "a failed source defines nothing");
            return e.diagnostics().get(0);
        }
    }

    @Test
    void databaseProblemsAreOneLineDiagnosticsAtTheDeclaration() {
        Diagnostic bad = failure("series demand = sql(\"select sku, date, units from no_such_table\", " + OPTIONS + ")");
        assertEquals("QF3130", bad.code());
        assertEquals(2, bad.span().line());
        assertTrue(bad.message().contains("no_such_table") && !bad.message().contains("\n"), bad.message());
        Diagnostic driver = failure("series demand = sql(\"jdbc:nosuchdb://db/sales\", \"select 1\", " + OPTIONS + ")");
        assertEquals("QF3131", driver.code());
        Diagnostic type = failure("series demand = sql(\"select sku, date, sku as units from 'sales/*.parquet'\", "
                + OPTIONS + ")");
        assertEquals("QF3133", type.code());
        assertEquals(2, type.span().line());
        Diagnostic column = failure("series demand = parquet(\"sales/all.parquet\", time: \"day\", value: \"units\")");
        assertEquals("QF3104", column.code());
        assertTrue(column.hints().toString().contains("date"), column.hints().toString());
    }

    @Test
    void anExportDoesNotSilentlyReplaceTheParquetFileTheSessionRead() throws Exception {
        try (QflSession s = session()) {
            s.evaluate("plan.qfl", "series demand = parquet(\"sales/all.parquet\", " + OPTIONS + ")\n" + QUESTIONS);
            QflScriptException e = assertThrows(QflScriptException.class,
                    () -> s.evaluate("more.qfl", "export a to \"sales/all.parquet\"\n"));
            assertEquals("QF5020", e.diagnostics().get(0).code());
            s.evaluate("more.qfl", "export a to \"sales/all.parquet\" overwrite: true\n");
        }
    }

    @Test
    void aSessionConfinedToAFolderOpensNoDatabaseConnection() throws Exception {
        try (QflSession s = QflEngine.builder().cacheDirectory(dir.resolve("cache")).fileRoot(dir).build().openSession(dir)) {
            s.evaluate("plan.qfl", "series demand = parquet(\"sales/all.parquet\", " + OPTIONS + ")\n" + QUESTIONS);
            QflScriptException source = assertThrows(QflScriptException.class, () -> s.evaluate("b.qfl",
                    "series other = sql(\"jdbc:duckdb:" + dir.resolve("x.duckdb") + "\", \"select 1\", time: \"t\")\n"));
            assertEquals("QF5021", source.diagnostics().get(0).code());
            QflScriptException sink = assertThrows(QflScriptException.class, () -> s.evaluate("c.qfl",
                    "export a to table \"plan\" in \"jdbc:duckdb:" + dir.resolve("x.duckdb") + "\"\n"));
            assertEquals("QF5021", sink.diagnostics().get(0).code());
            assertFalse(Files.exists(dir.resolve("x.duckdb")));
            s.evaluate("d.qfl", "export a to table \"plan\" in \"out/plan.duckdb\"\n");
        }
    }

    @Test
    void theCommandLineExitsWithOneAndNoStackTrace() throws Exception {
        Path script = dir.resolve("bad.qfl");
        Files.writeString(script, "series demand = sql(\"select sku, date, units from 'sales/*.parquett'\", " + OPTIONS
                + ")\n" + QUESTIONS + "export a to table \"plan\" in \"out/plan.duckdb\"\n");
        CliRun run = CliRun.of("run", script.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[QF3106]") || run.err().contains("error[QF3130]"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("out/plan.duckdb")), "nothing half-written");
    }
}
