package dev.qfl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@code qfl bench spark} that decide what is run and how its figures are read (no Spark here). */
class SparkBenchTest {

    @Test
    void aPanelOverTenMillionRowsIsReadWithMaxRows() {
        String script = SparkBench.script(200_000L * SparkBench.WEEKS);
        assertTrue(script.contains("freq: week, max_rows: 20800000)"), script);
    }

    @Test
    void everyAnswerIsExportedDirectlySoThatOneJvmStreamsIt() {
        String script = SparkBench.script(1_000);
        assertFalse(script.contains("let "), script);
        assertEquals(4, script.lines().filter(l -> l.startsWith("export quantile(") || l.startsWith("export newsvendor("))
                .count(), script);
    }

    @Test
    void upToTenMillionRowsTheSourceHasNoRowLimit() {
        String script = SparkBench.script(50_000L * SparkBench.WEEKS);
        assertTrue(script.contains("freq: week)"), script);
        assertFalse(script.contains("max_rows"), script);
    }

    @Test
    void growthIsOneForALinearCostAndShowsTheMarginalCost() {
        // four times the series in four times the seconds: linear
        String linear = SparkBench.growth("one-jvm", 50_000, 100.0, 200_000, 400.0);
        assertTrue(linear.contains("seconds per series x 1.00"), linear);
        assertTrue(linear.contains("2.00 ms per additional series"), linear);
        // four times the series in eight times the seconds: the time per series doubled
        String faster = SparkBench.growth("local[2]", 50_000, 100.0, 200_000, 800.0);
        assertTrue(faster.contains("seconds per series x 2.00"), faster);
    }

    @Test
    void figuresRoundTripThroughTheChildsLastLine() {
        var f = new SparkBench.Figures(12.5, 2_048, 900, 2_500, "3100", 640);
        assertEquals(f, SparkBench.Figures.parse(f.line()));
        assertEquals("n/a", SparkBench.Figures.parse("1.0 1 1 1 n/a 0").peakRssMb());
    }

    @Test
    void thePanelHasOneRowPerSeriesAndWeekAndIsTheSameEachTime(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        SparkBench.writePanel(a, 3);
        SparkBench.writePanel(b, 3);
        List<String> lines = Files.readAllLines(a);
        assertEquals(1 + 3 * SparkBench.WEEKS, lines.size());
        assertEquals("sku,week,units", lines.get(0));
        assertTrue(lines.get(1).startsWith("S0,2023-01-02,"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("S2,2024-12-23,"), lines.get(lines.size() - 1));
        assertEquals(lines, Files.readAllLines(b));
    }
}
