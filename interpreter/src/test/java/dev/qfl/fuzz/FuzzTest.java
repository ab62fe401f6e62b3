package dev.qfl.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.qfl.ExampleScripts;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, the attack as a test: mutants of every example script through check, fmt, explain
 * and run (without training), none of which may end in an internal error. A fixed seed, so a
 * failure names a mutant that can be replayed; {@code qfl bench fuzz N} runs more of them.
 */
class FuzzTest {
    /**
     * Every example script about fifteen times. Mutants that parse read their data files in
     * check and run, about 0.1 s each on a busy 2-core machine, so more would not fit CI's
     * budget; {@code qfl bench fuzz 20000} is the long run.
     */
    private static final int MUTANTS = 400;

    @Test
    void mutantsOfTheExamplesNeverCauseAnInternalError() throws IOException {
        try (FuzzWorkspace workspace = FuzzWorkspace.prepare(ExampleScripts.repoRoot().resolve("examples"))) {
            Fuzzer fuzzer = new Fuzzer(workspace, 20261201L, 20_000);
            Fuzzer.Report report = fuzzer.run(MUTANTS, finding -> { });
            List<Fuzzer.Finding> known = report.findings().stream().filter(FuzzTest::knownElsewhere).toList();
            known.forEach(f -> System.out.println("known issue (see knownElsewhere), mutant " + f.index() + ": "
                    + f.problem().lines().findFirst().orElse("")));
            List<Fuzzer.Finding> findings = report.findings().stream().filter(f -> !knownElsewhere(f)).toList();
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
            assertTrue(report.passes().get(Fuzzer.Pass.FMT).tried() >= MUTANTS - known.size());
        }
    }

    /** A literal with an exponent of nine or more digits, such as {@code 1e-999999999}. */
    private static final Pattern EXTREME_EXPONENT = Pattern.compile("\\d[eE][+-]?\\d{9,}");

    /**
     * Internal errors this fuzzer found in other engineers' areas, reported to them and not fixed
     * when this test was written: a level or range step with a nine-digit exponent makes the
     * checker expand it digit by digit (a gigabyte string in {@code check.LevelRule}, which runs
     * out of memory or time; a {@code BigInteger} overflow counting a range's levels). Narrow on purpose (the text of the
     * failure and the literal that causes it); delete once the checker rejects such literals.
     * {@code qfl bench fuzz} still reports them.
     */
    private static boolean knownElsewhere(Fuzzer.Finding f) {
        return EXTREME_EXPONENT.matcher(f.source()).find() && (f.problem().contains("BigInteger would overflow")
                || f.problem().startsWith("QF9001") || f.problem().contains("took longer than")
                && f.problem().contains("in check."));
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
