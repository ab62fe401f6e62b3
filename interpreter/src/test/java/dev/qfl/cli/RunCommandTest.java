package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws IOException {
        CliRun.writeSales(dir);
    }

    private String script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void runPrintsEachTableUnderItsStatementAndExitsZero() throws IOException {
        String file = script("plan.qfl", CliRun.HEADER + """
                quantile(demand, 0.5) where horizon == 1
                probability(demand <= 25) where horizon == 2 and id == "A"
                """);
        CliRun run = CliRun.of("run", file);
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        int first = lines.indexOf("# quantile(demand, 0.5) where horizon == 1");
        int second = lines.indexOf("# probability(demand <= 25) where horizon == 2 and id == \"A\"");
        assertTrue(first >= 0 && second > first, run.out());
        // A and B have a row each at horizon 1 (NEW is too short and left out); then a blank line
        assertTrue(lines.get(first + 1).matches("id\\s+date\\s+horizon\\s+level\\s+value"), lines.get(first + 1));
        assertTrue(lines.get(first + 3).startsWith("A "), lines.get(first + 3));
        assertTrue(lines.get(first + 4).startsWith("B "), lines.get(first + 4));
        assertEquals("(2 rows)", lines.get(first + 5));
        assertEquals("", lines.get(second - 1));
        assertTrue(run.out().contains("fit naive: "), "the fit summary is a message on stdout");
        assertTrue(run.err().contains("warning[QF3201]"), "the short series is warned about on stderr: " + run.err());
    }

    @Test
    void quietLeavesOnlyResults() throws IOException {
        String file = script("plan.qfl", CliRun.HEADER + "quantile(demand, 0.5) where horizon == 1\n");
        for (String[] args : List.of(new String[] {"--quiet", "run", file}, new String[] {"run", "-q", file})) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exit(), run.err());
            assertEquals("", run.err(), "no warning under --quiet");
            assertFalse(run.out().contains("fit naive"), run.out());
            assertTrue(run.out().startsWith("# quantile(demand, 0.5) where horizon == 1\n"), run.out());
        }
    }

    @Test
    void relativePathsResolveAgainstTheScriptsFolderNotTheWorkingDirectory() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("plans"));
        Files.move(dir.resolve("sales.csv"), sub.resolve("sales.csv"));
        Path file = sub.resolve("weekly.qfl");
        Files.writeString(file, CliRun.HEADER + "let plan = quantile(demand, 0.9)\nexport plan to \"out/plan.csv\"\n");
        CliRun run = CliRun.of("run", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(sub.resolve("out/plan.csv")), "export lands beside the script");
    }

    @Test
    void aScriptErrorExitsOneWithPositionedDiagnosticsAndNoTrace() throws IOException {
        String file = script("bad.qfl", CliRun.HEADER + "quantile(demand, 95)\n");
        CliRun run = CliRun.of("run", file);
        assertEquals(1, run.exit());
        assertEquals("", run.out(), "nothing runs when the script has errors");
        assertTrue(run.err().startsWith(file + ":3:18: error[QF2006]: level 95 is outside (0, 1)"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.err().contains("\u001b["), "no colour when stderr is not a terminal");
    }

    @Test
    void aDataErrorExitsOne() throws IOException {
        String file = script("bad-column.qfl", """
                series demand = csv("sales.csv", time: "day", value: "units", id: "sku")
                """);
        CliRun run = CliRun.of("run", file);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("error[QF3"), run.err());
        assertTrue(run.err().contains("day"), "names the missing column: " + run.err());
    }

    @Test
    void aMissingScriptIsAUserError() {
        CliRun run = CliRun.of("run", dir.resolve("nothing.qfl").toString());
        assertEquals(1, run.exit());
        assertEquals("qfl: cannot read " + dir.resolve("nothing.qfl") + ": no such file\n", run.err());
        CliRun folder = CliRun.of("run", dir.toString());
        assertEquals(1, folder.exit());
        assertTrue(folder.err().contains("is a folder, not a script"), folder.err());
    }

    @Test
    void badUsageExitsOneWithAPointerToHelp() {
        CliRun noFile = CliRun.of("run");
        assertEquals(1, noFile.exit());
        assertTrue(noFile.err().contains("FILE") && noFile.err().contains("qfl run --help"), noFile.err());
        CliRun unknownOption = CliRun.of("run", "--colour", "x.qfl");
        assertEquals(1, unknownOption.exit());
        CliRun unknownCommand = CliRun.of("frobnicate");
        assertEquals(1, unknownCommand.exit());
        assertTrue(unknownCommand.err().startsWith("qfl: unknown command 'frobnicate'; the commands are: run, check"),
                unknownCommand.err());
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exit());
        assertEquals("qfl " + dev.qfl.api.QflVersion.get() + "\n", version.out());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit());
        for (String command : List.of("run", "check", "fmt", "explain", "bench", "repl")) {
            assertTrue(help.out().contains("  " + command + " "), command + " missing from\n" + help.out());
        }
        assertTrue(help.out().contains("Exit codes"), help.out());
    }

    @Test
    void explainPrintsThePlanWithoutRunning() throws IOException {
        String file = script("plan.qfl", CliRun.HEADER + "let p = quantile(demand, 0.9)\nexport p to \"out/p.csv\"\n");
        CliRun run = CliRun.of("explain", file);
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("plan for " + file, lines.get(0));
        assertTrue(lines.get(1).contains("load   demand from sales.csv"), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.contains("fit    naive = seasonal_naive")), run.out());
        assertFalse(Files.exists(dir.resolve("out/p.csv")), "explain must not export");
        CliRun bad = CliRun.of("explain", script("bad.qfl", "quantile(nothing, 0.5)\n"));
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("error[QF2001]"), bad.err());
    }
}
