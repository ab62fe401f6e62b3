package dev.qfl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL with stdin piped: what `qfl < entries.txt` does. */
class PipedReplTest {
    @TempDir
    Path dir;
    private String series;

    @BeforeEach
    void data() throws IOException {
        Path csv = CliRun.writeSales(dir);
        // the REPL's folder is the working directory, so the test data is named by its absolute path
        series = "series demand = csv(\"" + csv + "\", time: \"date\", value: \"units\", id: \"sku\")\n";
    }

    private static CliRun repl(String input) {
        return CliRun.withInput(input);
    }

    @Test
    void anEntryGoesOnWhileABracketIsOpenOrAStatementIsUnfinished() {
        CliRun run = repl(series.replace(", time:", ",\n    time:")
                + "model naive = seasonal_naive(demand,\n  horizon: 3,\n  season: 2)\n"
                + "quantile(demand, [0.5,\n 0.9]) using\n  naive where horizon == 1 and id == \"A\"\n");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(2 rows)"), "two levels for A at horizon 1:\n" + run.out());
        assertFalse(run.out().contains("# quantile"), "the REPL does not label tables");
    }

    @Test
    void anErrorIsReportedAndTheSessionGoesOnWithWhatWasDefined() {
        CliRun run = repl(series + "model naive = seasonal_naive(demand, horizon: 3, season: 2)\n"
                + "quantile(demnd, 0.5)\n"
                + "quantile(demand, 0.5) where horizon == 1\n");
        assertEquals(1, run.exit(), "an entry had errors");
        assertTrue(run.err().contains("<repl>:1:10: error[QF2001]"), run.err());
        assertTrue(run.err().contains("demand"), "suggests the declared name: " + run.err());
        assertTrue(run.out().contains("(2 rows)"), run.out());
    }

    @Test
    void aBlankLineEndsAnEntryThatCannotBeCompleted() {
        CliRun run = repl("quantile(demand,\n\n:help\n");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("error[QF1"), run.err());
        assertTrue(run.out().contains(":load FILE"), "the REPL read on after the broken entry");
    }

    @Test
    void inputEndingMidStatementIsAnError() {
        CliRun run = repl("quantile(demand, 0.5) using\n");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("error[QF1"), run.err());
    }

    @Test
    void helpListsTheCommandsAndQuitStopsReading() {
        CliRun run = repl(":help\n:quit\nquantile(nothing, 0.5)\n");
        assertEquals(0, run.exit(), "the bad line after :quit is never read: " + run.err());
        for (String command : new String[] {":help", ":load FILE", ":ast EXPR", ":tables", ":models", ":describe NAME",
            ":quit"}) {
            assertTrue(run.out().contains("  " + command), command + " missing from\n" + run.out());
        }
    }

    @Test
    void astPrintsTheTreeOfAnExpression() {
        CliRun run = repl(":ast quantile(demand, 0.9) where horizon <= 3\n");
        assertEquals(0, run.exit(), run.err());
        assertEquals("""
                Query
                  body: Call
                    callee: Identifier(name="quantile")
                    arguments:
                      - Argument
                          value: Name(name="demand")
                      - Argument
                          value: NumberLit(value=0.9)
                  assumingIndependence: false
                  condition: Binary
                    op: LE
                    left: Name(name="horizon")
                    right: NumberLit(value=3)
                """, run.out());
    }

    @Test
    void astAcceptsAStatementAndReportsSyntaxErrors() {
        CliRun ok = repl(":ast let x = 2\n");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("LetDecl\n  name: Identifier(name=\"x\")\n  value: NumberLit(value=2)\n"), ok.out());
        CliRun bad = repl(":ast quantile(demand,, 0.9)\n");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("error[QF1"), bad.err());
    }

    @Test
    void loadRunsAScriptWhosePathsResolveAgainstItsOwnFolder() throws IOException {
        Path script = dir.resolve("weekly.qfl");
        Files.writeString(script, CliRun.HEADER + "let plan = quantile(demand, 0.9) where horizon <= 2\n");
        CliRun run = repl(":load " + script + "\n:tables\n:models\n:describe plan\nplan\n");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("let plan: table [id, date, horizon, level, value], 4 rows"), run.out());
        assertTrue(run.out().contains("model naive: seasonal_naive"), run.out());
        assertTrue(run.out().contains("(4 rows)"), run.out());
    }

    @Test
    void loadOfAMissingFileIsAnErrorAndTheSessionContinues() {
        CliRun run = repl(":load no/such/file.qfl\n:models\n");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("qfl: cannot read no/such/file.qfl: no such file"), run.err());
        assertTrue(run.out().contains("no models yet"), run.out());
    }

    @Test
    void describeExplainsNamesAndModelKinds() {
        CliRun run = repl(series + ":describe demand\n:describe seasonal_naive\n:describe csv\n");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("series demand: 3 series, day"), run.out());
        assertTrue(run.out().contains("model kind seasonal_naive: "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  horizon ") && l.contains("required")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  freq ") && l.contains("day|week")), run.out());
        CliRun unknown = repl(series + ":describe demnd\n");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("nothing is called 'demnd'; declared so far: demand"), unknown.err());
    }

    @Test
    void anUnknownCommandIsAnError() {
        CliRun run = repl(":frobnicate\n");
        assertEquals(1, run.exit());
        assertEquals("qfl: unknown command :frobnicate; :help lists the commands\n", run.err());
    }

    @Test
    void emptyInputExitsZero() {
        CliRun run = CliRun.withInput("", "repl");
        assertEquals(0, run.exit());
        assertEquals("", run.out() + run.err());
    }
}
