package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void anUnknownNameListsTheBenchmarksAndExitsOne() {
        CliRun run = CliRun.of("bench", "warp-speed");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("qfl: unknown benchmark 'warp-speed'; the benchmarks are:\n"), run.err());
        assertTrue(run.err().contains("  iqf ") && run.err().contains("  query "), run.err());
    }

    @Test
    void noNameListsTheBenchmarksAndExitsOne() {
        CliRun run = CliRun.of("bench");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("  iqf "), run.err());
    }

    /** The entry points are method references into the bench module, not class names looked up at run time. */
    @Test
    void everyShippedBenchmarkHasItsEntryPointBuiltIn() {
        Benchmarks standard = Benchmarks.standard();
        for (String name : List.of("accuracy", "classics", "iqf", "scoring", "joint", "mqf2", "mixture", "query",
                "fuzz")) {
            Benchmarks.Entry entry = standard.find(name).orElseThrow(() -> new AssertionError(name));
            assertTrue(entry.entryPoint() != null && !entry.summary().isBlank(), name);
        }
    }

    @Test
    void aBenchmarkGetsItsArgumentsAndItsExceptionsComeOutUnchanged() {
        Benchmarks table = new Benchmarks(Map.of("echo", new Benchmarks.Entry("echo", "echoes", args -> {
            throw new IllegalStateException("ran with " + Arrays.toString(args));
        })));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> table.find("echo").orElseThrow().entryPoint().run(new String[] {"--series", "100"}));
        assertEquals("ran with [--series, 100]", e.getMessage());
        assertEquals("  echo     echoes\n", table.list().replace(System.lineSeparator(), "\n"));
    }
}
