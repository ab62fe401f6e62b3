package dev.qfl.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.qfl.ExampleScripts;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, the attack as a test: mutants of every example script through check, fmt, explain
 * and run (without training), none of which may end in an internal error. A fixed seed, so a
 * failure names a mutant that can be replayed; {@code qfl bench fuzz N} runs more of them.
 */
class FuzzTest {
    /**
     * A few thousand mutants over the example scripts, about 15 ms each (most stop in the parser or
     * checker; the ones that run read their data); {@code qfl bench fuzz 100000} is the long run.
     */
    private static final int MUTANTS = 2_500;

    @Test
    void mutantsOfTheExamplesNeverCauseAnInternalError() throws IOException {
        try (FuzzWorkspace workspace = FuzzWorkspace.prepare(ExampleScripts.repoRoot().resolve("examples"))) {
            Fuzzer fuzzer = new Fuzzer(workspace, 20261201L, 20_000);
            Fuzzer.Report report = fuzzer.run(MUTANTS, finding -> { });
            List<Fuzzer.Finding> findings = report.findings();
            if (!findings.isEmpty()) {
                fail(findings.size() + " internal errors; the first:\n" + findings.stream().limit(3)
                        .map(f -> "mutant " + f.index() + " of " + f.origin() + ", " + f.pass() + ": " + f.problem()
                                + "\n--- mutant:\n" + abbreviate(f.source()))
                        .collect(Collectors.joining("\n\n")));
            }
            Fuzzer.PassCount run = report.passes().get(Fuzzer.Pass.RUN);
            assertTrue(run.tried() >= 10, "enough mutants get past the checker to exercise the run: " + run);
            assertEquals(MUTANTS, report.mutants());
            // a mutant stopped for taking too long in check never reaches fmt
            assertEquals(MUTANTS, report.passes().get(Fuzzer.Pass.FMT).tried());
        }
    }

    @Test
    void mutantsAreReproducible() {
        String source = "quantile(demand, 0.94) using naive where horizon in 1..7 and id == \"A-17\"\n";
        assertEquals(Mutator.mutate(source, new SplittableRandom(7)), Mutator.mutate(source, new SplittableRandom(7)));
        assertNotEquals(source, Mutator.mutate(source, new SplittableRandom(8)));
    }

    private static String abbreviate(String source) {
        return source.length() <= 3000 ? source : source.substring(0, 3000) + "… (" + source.length() + " characters)";
    }
}
