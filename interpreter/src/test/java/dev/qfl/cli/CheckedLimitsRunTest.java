package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12 at run time: what can only be known once data is read, checked before anything costly. */
class CheckedLimitsRunTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws IOException {
        CliRun.writeSales(dir);
    }

    private String script(String text) throws IOException {
        return CliRun.script(dir, text);
    }

    @Test
    void costsWhoseSumOverflowsStillGiveAStock() throws IOException {
        String file = script(CliRun.HEADER + "newsvendor(demand, underage: 1e308, overage: 1e308) where id == \"A\" and horizon == 1\n");
        CliRun run = CliRun.of("run", file);
        assertEquals(0, run.exit(), run.err());
        // the ratio was 1e308 / Infinity = 0: a stock at level 0
        String row = run.out().lines().filter(l -> l.startsWith("A ")).findFirst().orElseThrow();
        assertTrue(row.matches("A\\s+2024-03-31\\s+1\\s+0\\.5\\s+.*"), row);
    }

    @Test
    void aFanThatSelectsNoSeriesFailsBeforeAnyExportIsWritten() throws IOException {
        String file = script(CliRun.HEADER + """
                let t = quantile(demand, 0.5) where horizon == 1
                export t to "t.csv"
                plot fan(demand, naive) where id == "C" to "fan.png"
                """);
        CliRun run = CliRun.of("run", file);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains(file + ":5:1: error[QF5003]: fan draws "), run.err());
        assertTrue(run.err().contains("and the condition selects 0"), run.err());
        assertFalse(Files.exists(dir.resolve("t.csv")), "the export before the plot must not have run");
        assertFalse(run.out().contains("fit naive"), "nothing is fitted: " + run.out());
    }

    @Test
    void inALaterInputAPlotOnASeriesReadEarlierIsCheckedBeforeTheInputRunsAnything() throws Exception {
        dev.qfl.api.QflEngine engine = dev.qfl.api.QflEngine.builder().build();
        try (dev.qfl.api.QflSession session = engine.openSession(dir)) {
            session.evaluate("a.qfl", CliRun.HEADER);
            dev.qfl.api.QflScriptException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.qfl.api.QflScriptException.class, () -> session.evaluate("b.qfl", """
                            let t = quantile(demand, 0.5) where horizon == 1
                            export t to "t.csv"
                            plot fan(demand, naive) where id == "C" to "fan.png"
                            """));
            assertEquals("QF5003", e.diagnostics().get(0).code());
            assertEquals(3, e.diagnostics().get(0).span().line());
            assertFalse(Files.exists(dir.resolve("t.csv")), "the export before the plot must not have run");
            assertFalse(session.names().contains("t"), "the failed input defines nothing");
        }
    }

    @Test
    void aFanLeavesOutSeriesTooShortForTheModel() throws IOException {
        // NEW (two rows) is too short for naive and never forecast, so "not B" selects only A
        String file = script(CliRun.HEADER + "plot fan(demand, naive) where id != \"B\" to \"fan.png\"\n");
        CliRun run = CliRun.of("run", file);
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(dir.resolve("fan.png")));
    }

    @Test
    void tooManyQuantileFunctionCurvesFailBeforeTraining() throws IOException {
        String file = script(CliRun.HEADER + "plot quantile_function(demand, naive) where horizon >= 2 or id == \"A\"\n"
                + "plot quantile_function(demand, naive) where id == \"nothing\"\n");
        CliRun run = CliRun.of("run", file);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains(":4:1: error[QF5003]: quantile_function draws 1 to 12 curves, and the condition "
                + "selects 0"), run.err());
        assertFalse(run.err().contains(":3:1:"), "5 curves are drawable: " + run.err());
    }

    @Test
    void aConditionThatMatchesNoRowWarnsWithTheClosestIdOrDate() throws IOException {
        String file = script(CliRun.HEADER + """
                quantile(demand, 0.5) where id == "NEX"
                quantile(demand, 0.5) where date == "2024-04-20"
                quantile(demand, 0.5) where id == "A" and horizon == 2 and date == "2024-03-31"
                quantile(demand, 0.5) where id == "A"
                """);
        CliRun run = CliRun.of("run", file);
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, run.out().lines().filter(l -> l.equals("(0 rows)")).count(), run.out());
        assertTrue(run.err().contains(":3:29: warning[QF5010]: this condition selected no row"), run.err());
        assertTrue(run.err().contains("no series has id \"NEX\"; the closest is \"NEW\""), run.err());
        assertTrue(run.err().contains("\"2024-04-20\" is not a forecast date; the nearest is 2024-04-02"), run.err());
        assertTrue(run.err().contains(":5:29: warning[QF5010]"), run.err());
        assertTrue(run.err().contains("dates 2024-03-31 to 2024-04-02; horizon 1..3"), run.err());
        assertFalse(run.err().contains(":6:29:"), "a condition that selects rows is not warned about: " + run.err());
    }
}
