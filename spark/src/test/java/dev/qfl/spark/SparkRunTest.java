package dev.qfl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.Output;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.stdlib.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same script on one JVM and on Spark {@code local[2]}: bit-identical answers, and the same
 * diagnostics. One Spark session serves every test (starting one takes seconds).
 */
class SparkRunTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeEach
    void startSpark() {
        spark = SharedSpark.session();
    }

    private Path demand(int series, int days, String badCell) throws IOException {
        return SparkCases.demand(dir, series, days, badCell);
    }

    private List<Output> oneJvm(String script) throws QflScriptException {
        try (QflSession session = QflEngine.builder().build().openSession(dir)) {
            return session.evaluate("plan.qfl", script).outputs();
        }
    }

    private List<Output> onSpark(String script) throws QflScriptException {
        List<Output> outputs = new ArrayList<>();
        new SparkRun(spark, 2).run("plan.qfl", script, dir, outputs::add);
        return outputs;
    }

    private static List<Output.TableOutput> tables(List<Output> outputs) {
        return SparkCases.tables(outputs);
    }

    private static void assertSameTables(List<Output> expected, List<Output> actual) {
        SparkCases.assertSameTables(expected, actual);
    }

    @Test
    void seasonalNaiveAnswersAndExportsAreBitIdentical() throws Exception {
        demand(12, 70, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 14, season: 7)
                fit naive
                quantile(demand, 0.94) using naive where horizon in 1..7 and id == "X-02"
                quantile(demand, [0.5, 0.9, 0.95]) using naive where horizon <= 3
                probability(demand <= 30) using naive where horizon == 3
                newsvendor(demand, underage: 4, overage: 1) using naive where horizon in 1..7
                let plan = quantile(demand, 0.95) using naive where horizon in 1..7
                plan
                export plan to "out/%s.csv"
                """;
        List<Output> jvm = oneJvm(script.formatted("jvm"));
        List<Output> onSpark = onSpark(script.formatted("spark"));
        assertSameTables(jvm, onSpark);
        assertEquals(12 * 3 * 3, tables(onSpark).get(1).table().rowCount());
        assertEquals(Files.readString(dir.resolve("out/jvm.csv")), Files.readString(dir.resolve("out/spark.csv")));
        assertTrue(onSpark.contains(new Output.Message("wrote out/spark.csv (84 rows)")), onSpark.toString());
        // the same answer as a DataFrame: the table's columns, its values unchanged
        Table plan = tables(onSpark).get(4).table();
        var frame = SparkAnswers.toDataFrame(spark, plan);
        assertEquals(plan.columnNames(), List.of(frame.columns()));
        assertEquals("date", frame.schema().apply("date").dataType().typeName());
        List<org.apache.spark.sql.Row> back = frame.collectAsList();
        assertEquals(plan.rowCount(), back.size());
        for (int r = 0; r < back.size(); r++) {
            assertEquals(plan.rows().get(r).get(4), back.get(r).get(4));
            assertEquals(plan.rows().get(r).get(1), back.get(r).getDate(1).toLocalDate());
        }
    }

    @Test
    void aParquetSourceIsReadBySparkWithTheSameAnswers() throws Exception {
        Path csv = demand(5, 40, null);
        spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString())
                .coalesce(1).write().parquet(dir.resolve("demand.parquet").toString());
        String script = """
                series demand = parquet("demand.parquet/*.parquet", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, [0.1, 0.9]) using naive where horizon <= 2
                """;
        assertSameTables(oneJvm(script), onSpark(script));
    }

    @Test
    void statisticalModelsFittedInsidePartitionsGiveBitIdenticalAnswers() throws Exception {
        demand(6, 60, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model smooth = ets(demand, horizon: 7, season: 7)
                model th = theta(demand, horizon: 7, season: 7)
                quantile(demand, [0.1, 0.5, 0.9]) using smooth where horizon <= 3
                interval(demand, 0.8) using th where horizon <= 3
                service(demand, stock: 30) using smooth where horizon == 1
                """;
        assertSameTables(oneJvm(script), onSpark(script));
    }

    @Test
    void aLoadedModelFileGivesTheSameAnswers() throws Exception {
        demand(6, 80, null);
        oneJvm("""
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model iq = iqf(demand, horizon: 3, context: 8, epochs: 1, hidden: 8, batch: 32, knots: 5, seed: 1)
                save iq to "models/iq.qflm"
                """);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model iq = load("models/iq.qflm", demand)
                quantile(demand, [0.5, 0.9, 0.95]) using iq where horizon <= 3
                newsvendor(demand, underage: 4, overage: 1) using iq where horizon <= 3
                """;
        List<Output> jvm = oneJvm(script);
        // libtorch's float32 products round differently in the last bits when the batch of series
        // differs (its size, and where a series sits in it), so a network's answers agree to
        // float32 precision, not bit for bit; the rest of the pipeline (file, order, ids, dates) is exact
        for (int partitions : new int[] {1, 2}) {
            List<Output> onSpark = new ArrayList<>();
            new SparkRun(spark, partitions).run("plan.qfl", script, dir, onSpark::add);
            assertCloseTables(jvm, onSpark, 1e-5);
        }
    }

    /** Equal tables except that numbers may differ by {@code relative} (float32 rounding). */
    private static void assertCloseTables(List<Output> expected, List<Output> actual, double relative) {
        List<Output.TableOutput> want = tables(expected);
        List<Output.TableOutput> got = tables(actual);
        assertEquals(want.size(), got.size(), "number of answers");
        for (int t = 0; t < want.size(); t++) {
            Table w = want.get(t).table();
            Table g = got.get(t).table();
            assertEquals(w.columns(), g.columns());
            assertEquals(w.rowCount(), g.rowCount());
            for (int r = 0; r < w.rowCount(); r++) {
                for (int c = 0; c < w.columns().size(); c++) {
                    Object a = w.rows().get(r).get(c);
                    Object b = g.rows().get(r).get(c);
                    if (a instanceof Double x && b instanceof Double y) {
                        assertEquals(x, y, relative * Math.max(1, Math.abs(x)), w.columns().get(c).name());
                    } else {
                        assertEquals(a, b);
                    }
                }
            }
        }
    }

    @Test
    void aNeuralModelIsTrainedOnceOnTheDriverAndShippedToThePartitions() throws Exception {
        demand(4, 50, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model iq = iqf(demand, horizon: 2, context: 7, epochs: 1, hidden: 8, batch: 32, knots: 5, seed: 5)
                quantile(demand, [0.5, 0.9]) using iq where horizon <= 2
                """;
        List<Output> onSpark = onSpark(script);
        assertTrue(onSpark.stream().anyMatch(o -> o instanceof Output.Message m
                && m.text().startsWith("iq: trained on the driver from 4 of 4 series")), onSpark.toString());
        // every series sampled: the driver trains on one JVM's panel with one JVM's seed, so the
        // network is the same and answers differ only by float32 rounding across partitions
        assertCloseTables(oneJvm(script), onSpark, 1e-5);
    }

    @Test
    void aBadCellInsideAPartitionIsTheUsualPositionedDiagnostic() throws Exception {
        demand(5, 30, "twelve");
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, 0.9) using naive where horizon <= 2
                """;
        QflScriptException jvm = assertThrows(QflScriptException.class, () -> oneJvm(script));
        QflScriptException onSpark = assertThrows(QflScriptException.class, () -> onSpark(script));
        Diagnostic want = jvm.diagnostics().get(0);
        Diagnostic got = onSpark.diagnostics().get(0);
        assertEquals("QF3101", got.code());
        assertEquals(DiagnosticRenderer.plain().render(want), DiagnosticRenderer.plain().render(got));
    }

    /** Runs the command line with a Spark starter that records whether it was called. */
    private record Cli(int code, String out, String err, boolean sparkStarted) {
        static Cli run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            boolean[] started = {false};
            int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), master -> {
                        started[0] = true;
                        return spark;
                    });
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), started[0]);
        }
    }

    @Test
    void aBadScriptFailsBeforeSparkStarts() throws Exception {
        demand(3, 30, null);
        Path script = dir.resolve("bad.qfl");
        Files.writeString(script, """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, 95) using naive
                """);
        Cli cli = Cli.run("run", "--spark", "local[2]", script.toString());
        assertEquals(1, cli.code(), cli.err());
        assertTrue(cli.err().contains("bad.qfl:3:18: error[QF2006]: level 95 is outside (0, 1)"), cli.err());
        assertFalse(cli.sparkStarted());
        assertEquals("", cli.out());
    }

    @Test
    void theCommandLineRunsAScriptAndExplainsWhereItsStepsRun() throws Exception {
        demand(4, 30, null);
        Path script = dir.resolve("ok.qfl");
        Files.writeString(script, """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, 0.9) using naive where horizon == 1
                """);
        Cli explain = Cli.run("explain", "--spark", "local[2]", script.toString());
        assertEquals(0, explain.code(), explain.err());
        assertFalse(explain.sparkStarted());
        assertTrue(explain.out().matches("(?s).*\\n +2 +per partition +model naive = seasonal_naive.*"), explain.out());
        String neural = SparkExplain.describe(SparkScript.analyse("plan.qfl", """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model iq = iqf(demand, horizon: 7)
                """, dir, dev.qfl.stdlib.model.ModelRegistry.standard()));
        assertTrue(neural.matches("(?s).*\\n +2 +driver, then files +model iq = iqf.*"), neural);
        Cli run = Cli.run("run", "--spark", "local[2]", "--quiet", script.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("# quantile(demand, 0.9) using naive where horizon == 1\n"), run.out());
        assertTrue(run.out().contains("(4 rows)"), run.out());
    }

    @Test
    void wrongCommandLinesAreOneLineErrors() {
        Cli unknown = Cli.run("run", "--spark", "local[2]", "--fast", "x.qfl");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("qfl: unknown option --fast for a Spark run"), unknown.err());
        Cli partitions = Cli.run("run", "--spark", "local[2]", "--partitions", "0", "x.qfl");
        assertEquals(1, partitions.code());
        assertTrue(partitions.err().contains("not 0"), partitions.err());
        Cli missing = Cli.run("run", "--spark", "local[2]", dir.resolve("none.qfl").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertFalse(unknown.sparkStarted() || partitions.sparkStarted() || missing.sparkStarted());
    }

    @Test
    void whatDoesNotRunOnSparkYetIsRefusedBeforeSparkStarts() throws Exception {
        demand(3, 30, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                model iq = iqf(demand, horizon: 7)
                plot fan(demand, naive) where id == "Z-00" to "out/z.png"
                evaluate naive on demand backtest windows: 2
                export quantile(demand, 0.9) using naive to table "plan" in "out/plan.duckdb"
                """;
        QflScriptException e = assertThrows(QflScriptException.class,
                () -> SparkScript.analyse("plan.qfl", script, dir, dev.qfl.stdlib.model.ModelRegistry.standard()));
        assertEquals(List.of("QF5040", "QF5040", "QF5040"), e.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(List.of(4, 5, 6), e.diagnostics().stream().map(d -> d.span().line()).toList());
        assertTrue(e.diagnostics().get(2).hints().get(0).startsWith("export to a .parquet file"),
                e.diagnostics().get(2).hints().toString());
    }
}
