package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    /** A benchmark whose main reports the arguments it got by failing with them. */
    public static final class EchoBenchmark {
        private EchoBenchmark() {
        }

        public static void main(String[] args) {
            throw new IllegalStateException("ran with " + Arrays.toString(args));
        }
    }

    /** Has a main, but not a static one: not a runnable entry point. */
    public static final class InstanceMain {
        public void main(String[] args) {
        }
    }

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

    @Test
    void entriesWithoutARunnableMainAreNotAvailable() {
        assertTrue(Benchmarks.mainOf(new Benchmarks.Entry("ghost", "dev.qfl.NoSuchBenchmark", "")).isEmpty());
        assertTrue(Benchmarks.mainOf(new Benchmarks.Entry("plain", String.class.getName(), "")).isEmpty());
        assertTrue(Benchmarks.mainOf(new Benchmarks.Entry("inst", InstanceMain.class.getName(), "")).isEmpty());
    }

    @Test
    void aBenchmarkGetsItsArgumentsAndItsExceptionsComeOutUnwrapped() {
        Benchmarks table = new Benchmarks(Map.of("echo",
                new Benchmarks.Entry("echo", EchoBenchmark.class.getName(), "echoes")));
        Method main = Benchmarks.mainOf(table.find("echo").orElseThrow()).orElseThrow();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Benchmarks.invoke(main, new String[] {"--series", "100"}));
        assertEquals("ran with [--series, 100]", e.getMessage());
        assertEquals("  echo     echoes\n", table.list().replace(System.lineSeparator(), "\n"));
    }
}
