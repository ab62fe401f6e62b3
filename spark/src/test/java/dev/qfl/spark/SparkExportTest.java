package dev.qfl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.Output;
import dev.qfl.api.QflScriptException;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that stay in Spark: exports written from the partitions (the same file as one JVM's,
 * never collected on the driver, no half-written file), and answers a host takes as DataFrames.
 */
class SparkExportTest {
    private static final String PLAN = """
            series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            let plan = quantile(demand, [0.5, 0.95]) using naive where horizon in 1..7
            let none = quantile(demand, 0.9) using naive where id == "nobody"
            export plan to "out/%1$s.csv"
            export plan to "out/%1$s.parquet"
            export none to "out/%1$s-empty.csv"
            export newsvendor(demand, underage: 4, overage: 1) using naive where horizon <= 3 to "out/%1$s-nv.parquet"
            """;

    private SparkSession spark;

    @TempDir
    Path dir;

    @BeforeEach
    void startSpark() {
        spark = SharedSpark.session();
    }

    @Test
    void exportsWrittenFromThePartitionsAreOneJvmsFiles() throws Exception {
        SparkCases.demand(dir, 9, 50, null);
        SparkCases.oneJvm(dir, PLAN.formatted("jvm"));
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/spark.csv"), "an older export, replaced only once the new one is whole\n");
        List<Output> onSpark = SparkCases.onSpark(spark, dir, PLAN.formatted("spark"));
        // CSV: byte for byte, so the same rows, the same order and the same number text
        assertEquals(Files.readString(dir.resolve("out/jvm.csv")), Files.readString(dir.resolve("out/spark.csv")));
        assertEquals(Files.readString(dir.resolve("out/jvm-empty.csv")),
                Files.readString(dir.resolve("out/spark-empty.csv")));
        // Parquet: one file with the same columns, types and rows in the same order, doubles bit for bit
        for (String name : List.of("", "-nv")) {
            Dataset<Row> jvm = spark.read().parquet(dir.resolve("out/jvm" + name + ".parquet").toString());
            Dataset<Row> got = spark.read().parquet(dir.resolve("out/spark" + name + ".parquet").toString());
            assertTrue(Files.isRegularFile(dir.resolve("out/spark" + name + ".parquet")));
            assertEquals(jvm.schema(), got.schema());
            assertEquals(jvm.collectAsList(), got.collectAsList());
        }
        assertTrue(onSpark.contains(new Output.Message("wrote out/spark.csv (126 rows)")), onSpark.toString());
        assertTrue(onSpark.contains(new Output.Message("wrote out/spark-empty.csv (0 rows)")), onSpark.toString());
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no part folder or temporary file is left behind");
        }
    }

    @Test
    void thePartitionsKeepTheRowsOfAnExportAndSendTheDriverOnlyTheirShape() throws Exception {
        SparkCases.demand(dir, 3, 30, null);
        SparkScript script = SparkScript.analyse("plan.qfl", """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                export quantile(demand, 0.9) using naive where horizon <= 2 to "out/q.csv"
                """, dir, dev.qfl.stdlib.model.ModelRegistry.standard());
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("demand.csv"));
        for (int line = 2; line <= lines.size(); line++) {
            String[] cells = lines.get(line - 1).split(",");
            rows.add(RowFactory.create(cells[1], cells[0], cells[2], (long) line));
        }
        rows.sort(java.util.Comparator.comparing(r -> r.getString(0)));
        Iterator<PartitionItem> items = new PartitionTask(script, new CsvFields(1, 3, List.of()), new DriverTraining.Shipped(),
                Set.of(2))
                .call(rows.iterator());
        PartitionOutcome outcome = (PartitionOutcome) items.next();
        PartitionOutcome.Answer answer = outcome.answers().get(0);
        assertEquals(List.of(), answer.rows(), "no rows go to the driver");
        assertEquals(6, answer.rowCount());
        List<AnswerRow> kept = new ArrayList<>();
        items.forEachRemaining(i -> kept.add((AnswerRow) i));
        assertEquals(6, kept.size());
        // the sort key is the series' first data row: Y-01 (line 3) before X-02 (line 4)
        assertEquals(List.of(2L, 2L, 3L, 3L, 4L, 4L), kept.stream().map(AnswerRow::firstRow).sorted().toList());
    }

    @Test
    void aFailedExportLeavesWhatWasThereAndNoPartsBehind() throws Exception {
        SparkCases.demand(dir, 4, 30, null);
        Path taken = dir.resolve("out/plan.csv");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("keep.txt"), "a folder where the export should go");
        QflScriptException e = assertThrows(QflScriptException.class, () -> SparkCases.onSpark(spark, dir, """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                export quantile(demand, 0.9) using naive to "out/plan.csv"
                """));
        assertEquals("QF5001", e.diagnostics().get(0).code(), e.diagnostics().toString());
        assertEquals(3, e.diagnostics().get(0).span().line());
        assertEquals("a folder where the export should go", Files.readString(taken.resolve("keep.txt")));
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(taken), left.toList());
        }
    }

    @Test
    void appendsStillWorkThroughTheDriver() throws Exception {
        SparkCases.demand(dir, 4, 30, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                export quantile(demand, 0.9) using naive where horizon == 1 to "out/%s.csv" append: true
                """;
        for (int run = 0; run < 2; run++) {
            SparkCases.oneJvm(dir, script.formatted("jvm"));
            SparkCases.onSpark(spark, dir, script.formatted("spark"));
        }
        assertEquals(Files.readString(dir.resolve("out/jvm.csv")), Files.readString(dir.resolve("out/spark.csv")));
        assertEquals(9, Files.readAllLines(dir.resolve("out/spark.csv")).size());
    }

    @Test
    void aHostTakesEveryAnswerAsADataFrameThatWasNeverCollected() throws Exception {
        SparkCases.demand(dir, 7, 40, null);
        String script = """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                quantile(demand, [0.1, 0.9]) using naive where horizon <= 3
                newsvendor(demand, underage: 4, overage: 1) using naive where horizon == 2
                """;
        List<Output.TableOutput> jvm = SparkCases.tables(SparkCases.oneJvm(dir, script));
        List<Output> sink = new ArrayList<>();
        try (AnswerFrames answers = new SparkRun(spark, 2).answers("plan.qfl", script, dir, sink::add)) {
            assertEquals(List.of(), SparkCases.tables(sink), "no answer went through the driver as a table");
            assertEquals(2, answers.frames().size());
            for (int i = 0; i < jvm.size(); i++) {
                Table want = jvm.get(i).table();
                AnswerFrames.Frame frame = answers.frames().get(i);
                assertEquals(jvm.get(i).label(), frame.label());
                assertEquals(want.columnNames(), List.of(frame.rows().columns()));
                assertEquals(SparkAnswers.toDataFrame(spark, want).schema(), frame.rows().schema());
                assertEquals(SparkAnswers.toDataFrame(spark, want).collectAsList(), frame.rows().collectAsList());
            }
            assertTrue(answers.frame(jvm.get(1).label()).isPresent());
        }
    }

    @Test
    void explainShowsTheExportsThePartitionsWrite() throws Exception {
        SparkCases.demand(dir, 2, 20, null);
        String plan = SparkExplain.describe(SparkScript.analyse("plan.qfl", """
                series demand = csv("demand.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(demand, horizon: 7, season: 7)
                export quantile(demand, 0.9) using naive to "out/q.parquet"
                export quantile(demand, 0.9) using naive to "out/log.csv" append: true
                """, dir, dev.qfl.stdlib.model.ModelRegistry.standard()));
        assertTrue(plan.matches("(?s).*\\n +3 +partitions→file +export .*\\n +each partition answers for its series "
                + "and keeps the rows; the executors sort them into the one-JVM order and write them as part files; "
                + "the driver streams the parts into out/q.parquet\\n.*"), plan);
        assertTrue(plan.matches("(?s).*\\n +4 +partitions→driver +export .*\\n +each partition answers for its "
                + "series; the driver merges the rows and appends them to out/log.csv\\n.*"), plan);
        String query = SparkExplain.describe(SparkScript.analyse("plan.qfl", """
                series demand = sql("SELECT * FROM read_csv('demand.csv')", time: "date", value: "units", id: "sku",
                                    missing: zero)
                """, dir, dev.qfl.stdlib.model.ModelRegistry.standard()));
        assertTrue(query.contains("the driver runs the query once in DuckDB into a Parquet file, which Spark reads on "
                + "the executors") && query.contains("for missing: zero, its last time"), query);
    }

    @Test
    void theQuickstartGivesTheSameTablesAndFilesOnSpark() throws Exception {
        String script = SparkCases.example(dir, "quickstart.qfl", "data/retail.csv");
        List<Output> jvm = SparkCases.oneJvm(dir, script.replace("out/plan.", "out/jvm."));
        List<Output> onSpark = SparkCases.onSpark(spark, dir, script.replace("out/plan.", "out/spark."));
        SparkCases.assertSameTables(jvm, onSpark);
        assertEquals(Files.readString(dir.resolve("out/jvm.csv")), Files.readString(dir.resolve("out/spark.csv")));
        // the JSON export still goes through the driver: the same file (every series' forecast origin
        // included), but for when it was written and how the data was read
        assertEquals(comparable(dir.resolve("out/jvm.json")), comparable(dir.resolve("out/spark.json")));
    }

    private static String comparable(Path json) throws java.io.IOException {
        return Files.readString(json).replaceAll("\"(exported_at|data_source|data_fingerprint)\" : \"[^\"]*\"", "");
    }
}
