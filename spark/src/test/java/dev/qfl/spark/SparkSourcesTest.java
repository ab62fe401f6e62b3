package dev.qfl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qfl.api.Output;
import dev.qfl.api.QflScriptException;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real panel's layout read by Spark as one JVM reads it: several id columns, another delimiter,
 * a date format, decimal commas, absent rows that mean zero and a common origin; the same answers
 * bit for bit, and the same diagnostics for the cells these options make wrong.
 */
class SparkSourcesTest {
    private static final String SOURCE = "series sales = csv(\"erp.csv\", time: \"Week\", value: \"Units\", "
            + "id: [\"SKU\", \"Store\"], delimiter: \";\", date_format: \"dd.MM.yyyy\", decimal: \",\", "
            + "missing: zero, as_of: \"2024-06-24\")\n";

    private SparkSession spark;

    @TempDir
    Path dir;

    @BeforeEach
    void startSpark() {
        spark = SharedSpark.session();
    }

    /**
     * Weekly sales of 4 SKUs in 2 stores, as an ERP exports them: semicolons, day-first dates,
     * decimal commas, weeks without sales left out, rows after the origin that as_of: cuts off.
     */
    private void erp(String badCell, int badColumn) throws Exception {
        erp(badCell, badColumn, false);
    }

    /** @param endEarly whether half the series have no rows in the last three weeks */
    private void erp(String badCell, int badColumn, boolean endEarly) throws Exception {
        DateTimeFormatter dayFirst = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("Week;SKU;Store;Units\n");
        LocalDate start = LocalDate.of(2023, 7, 3);
        int line = 1;
        for (int w = 0; w < 54; w++) {
            for (int s = 0; s < 8; s++) {
                if (random.nextInt(9) == 0 && w > 0 && w < 50 || endEarly && s % 2 == 1 && w >= 51) {
                    continue;   // no sales that week: the export leaves the row out
                }
                // one value below zero, written with a decimal comma: the panel is not non-negative
                double units = w == 20 && s == 3 ? -0.5 : 3 + s + 2 * Math.sin(w / 4.0) + random.nextDouble();
                String[] cells = {start.plusWeeks(w).format(dayFirst), "A-" + (17 + s % 4), "S" + (s / 4 + 1),
                        String.format(Locale.ROOT, "%.1f", units).replace('.', ',')};
                line++;
                if (badCell != null && line == 200) {
                    cells[badColumn] = badCell;
                }
                csv.append(String.join(";", cells)).append('\n');
            }
        }
        Files.writeString(dir.resolve("erp.csv"), csv.toString());
    }

    @Test
    void anErpExportIsReadBySparkAsOneJvmReadsIt() throws Exception {
        erp(null, 0);
        String script = SOURCE + """
                model naive = seasonal_naive(sales, horizon: 4, season: 4)
                quantile(sales, [0.5, 0.9]) using naive where horizon <= 2
                newsvendor(sales, underage: 4, overage: 1) using naive where Store == "S2" and horizon == 1
                probability(sales <= 4) using naive where SKU == "A-18" and horizon in 1..2
                let plan = interval(sales, 0.8) using naive where horizon == 1
                plan
                export plan to "out/%s.csv"
                """;
        List<Output> jvm = SparkCases.oneJvm(dir, script.formatted("jvm"));
        List<Output> onSpark = SparkCases.onSpark(spark, dir, script.formatted("spark"));
        SparkCases.assertSameTables(jvm, onSpark);
        assertEquals(Files.readString(dir.resolve("out/jvm.csv")), Files.readString(dir.resolve("out/spark.csv")));
        List<Output.TableOutput> tables = SparkCases.tables(onSpark);
        assertEquals(List.of("id", "SKU", "Store", "date", "horizon", "level", "value"),
                tables.get(0).table().columnNames());
        assertEquals("A-17/S1", tables.get(0).table().rows().get(0).get(0));
        assertEquals(LocalDate.of(2024, 7, 1), tables.get(0).table().rows().get(0).get(3), "forecast from as_of");
        assertEquals(8 * 2 * 2, tables.get(0).table().rowCount());
    }

    @Test
    void cellsTheseOptionsReadWrongAreTheUsualPositionedDiagnostics() throws Exception {
        String script = SOURCE + """
                model naive = seasonal_naive(sales, horizon: 4, season: 4)
                quantile(sales, 0.9) using naive where horizon == 1
                """;
        // a date in another layout, a decimal point under decimal: ",", a "/" inside a key
        String[][] cases = {{"2024-01-01", "0", "QF3150"}, {"12.5", "3", "QF3101"}, {"S1/2", "2", "QF3151"}};
        for (String[] c : cases) {
            erp(c[0], Integer.parseInt(c[1]));
            QflScriptException jvm = assertThrows(QflScriptException.class, () -> SparkCases.oneJvm(dir, script));
            QflScriptException onSpark = assertThrows(QflScriptException.class,
                    () -> SparkCases.onSpark(spark, dir, script));
            Diagnostic got = onSpark.diagnostics().get(0);
            assertEquals(c[2], got.code(), got.toString());
            assertEquals(DiagnosticRenderer.plain().render(jvm.diagnostics().get(0)), DiagnosticRenderer.plain().render(got));
        }
    }

    @Test
    void aQueryRunsOnceOnTheDriverAndItsRowsAreReadBySpark() throws Exception {
        SparkCases.demand(dir, 6, 40, null);
        String script = """
                series demand = sql("SELECT sku, date, units * 2 AS units FROM read_csv('demand.csv') WHERE sku <> 'Y-01'",
                                    time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, [0.1, 0.9]) using naive where horizon <= 3
                """;
        List<Output> onSpark = SparkCases.onSpark(spark, dir, script);
        SparkCases.assertSameTables(SparkCases.oneJvm(dir, script), onSpark);
        assertEquals(5 * 3 * 2, SparkCases.tables(onSpark).get(0).table().rowCount());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".qfl-spark")).toList(),
                    "the query's rows are removed after the run");
        }
        String refused = script.replace("read_csv('demand.csv')", "read_csv('nowhere.csv')");
        QflScriptException jvm = assertThrows(QflScriptException.class, () -> SparkCases.oneJvm(dir, refused));
        QflScriptException got = assertThrows(QflScriptException.class, () -> SparkCases.onSpark(spark, dir, refused));
        assertEquals(DiagnosticRenderer.plain().render(jvm.diagnostics().get(0)),
                DiagnosticRenderer.plain().render(got.diagnostics().get(0)));
    }

    @Test
    void missingZeroWithoutAnOriginExtendsEverySeriesToThePanelsLastTime() throws Exception {
        erp(null, 0, true);
        String script = SOURCE.replace(", as_of: \"2024-06-24\"", "") + """
                model naive = seasonal_naive(sales, horizon: 4, season: 4)
                quantile(sales, [0.5, 0.9]) using naive where horizon <= 2
                """;
        List<Output> jvm = SparkCases.oneJvm(dir, script);
        // one partition per series: a partition of series that end early alone would take its own
        // last time as the origin, not the panel's
        List<Output> onSpark = new java.util.ArrayList<>();
        new SparkRun(spark, 8).run("plan.qfl", script, dir, onSpark::add);
        SparkCases.assertSameTables(jvm, onSpark);
        assertEquals(LocalDate.of(2024, 7, 15), SparkCases.tables(onSpark).get(0).table().rows().get(0).get(3));
    }

    @Test
    void theErpExampleGivesTheSameTablesOnSpark() throws Exception {
        String script = SparkCases.example(dir, "erp.qfl", "data/erp_sales.csv");
        List<Output> onSpark = SparkCases.onSpark(spark, dir, script);
        SparkCases.assertSameTables(SparkCases.oneJvm(dir, script), onSpark);
        assertEquals(3, SparkCases.tables(onSpark).size());
    }

    @Test
    void maxRowsIsAppliedAsOneJvmAppliesIt() throws Exception {
        SparkCases.demand(dir, 3, 40, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku", max_rows: %d)
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, 0.9) using naive where horizon == 1
                """;
        String tooFew = script.formatted(100);
        QflScriptException jvm = assertThrows(QflScriptException.class, () -> SparkCases.oneJvm(dir, tooFew));
        QflScriptException got = assertThrows(QflScriptException.class, () -> SparkCases.onSpark(spark, dir, tooFew));
        assertEquals("QF3113", got.diagnostics().get(0).code());
        assertEquals(DiagnosticRenderer.plain().render(jvm.diagnostics().get(0)),
                DiagnosticRenderer.plain().render(got.diagnostics().get(0)));
        String enough = script.formatted(120);
        SparkCases.assertSameTables(SparkCases.oneJvm(dir, enough), SparkCases.onSpark(spark, dir, enough));
    }
}
