package dev.qfl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.api.Output;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.stdlib.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/** Data and comparisons the Spark test classes share: one JVM's answers against Spark's. */
final class SparkCases {
    private SparkCases() {
    }

    /**
     * Daily demand for {@code series} SKUs in {@code dir/demand.csv}, rows interleaved by date (as
     * exports usually are), ids deliberately not in alphabetical order, so the one-JVM order
     * (first appearance) is tested.
     */
    static Path demand(Path dir, int series, int days, String badCell) throws IOException {
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            ids.add(String.format(Locale.ROOT, "%s-%02d", (char) ('Z' - s), s));
        }
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < series; s++) {
                double level = 10 + 5 * s + 4 * Math.sin(2 * Math.PI * d / 7.0);
                String value = String.format(Locale.ROOT, "%.1f", Math.max(0, level + random.nextGaussian() * 3));
                if (badCell != null && d == days / 2 && s == series - 1) {
                    value = badCell;
                }
                csv.append(start.plusDays(d)).append(',').append(ids.get(s)).append(',').append(value).append('\n');
            }
        }
        Path file = dir.resolve("demand.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    /** Copies an example's data file ({@code data/...}) into {@code dir} and returns the example's script. */
    static String example(Path dir, String script, String data) throws IOException {
        Path examples = Path.of("../examples").toAbsolutePath().normalize();
        Files.createDirectories(dir.resolve("data"));
        Files.copy(examples.resolve(data), dir.resolve(data));
        return Files.readString(examples.resolve(script));
    }

    static List<Output> oneJvm(Path dir, String script) throws QflScriptException {
        try (QflSession session = QflEngine.builder().build().openSession(dir)) {
            return session.evaluate("plan.qfl", script).outputs();
        }
    }

    static List<Output> onSpark(SparkSession spark, Path dir, String script) throws QflScriptException {
        List<Output> outputs = new ArrayList<>();
        new SparkRun(spark, 2).run("plan.qfl", script, dir, outputs::add);
        return outputs;
    }

    static List<Output.TableOutput> tables(List<Output> outputs) {
        return outputs.stream().filter(o -> o instanceof Output.TableOutput).map(o -> (Output.TableOutput) o).toList();
    }

    /** Equal labels, columns and rows; Double cells compare with Double.equals, so bit for bit. */
    static void assertSameTables(List<Output> expected, List<Output> actual) {
        List<Output.TableOutput> want = tables(expected);
        List<Output.TableOutput> got = tables(actual);
        assertEquals(want.size(), got.size(), "number of answers");
        for (int i = 0; i < want.size(); i++) {
            Table w = want.get(i).table();
            Table g = got.get(i).table();
            assertEquals(want.get(i).label(), got.get(i).label());
            assertEquals(w.columns(), g.columns(), want.get(i).label());
            assertEquals(w.rows(), g.rows(), want.get(i).label());
        }
    }
}
