package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The empty-answer warning reads the condition through its shapes (#15): ids inside a list, on
 * either side of {@code or}, and nothing from under a {@code not} (a negated id is one to avoid,
 * so it is not offered a "closest" spelling).
 */
class EmptyAnswerRunTest {
    @TempDir
    Path dir;

    @Test
    void idsInAListOrAnOrAreLookedUpAndANegatedOneIsNot() throws IOException {
        CliRun.writeSales(dir);
        String file = CliRun.script(dir, CliRun.HEADER + """
                quantile(demand, 0.5) where id in ["NEX", "Q"] and horizon == 1
                quantile(demand, 0.5) where (id == "Z" or id == "NEZ") and horizon == 1
                quantile(demand, 0.5) where not id == "A" and id == "A"
                """);
        CliRun run = CliRun.of("run", file);
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, run.out().lines().filter(l -> l.equals("(0 rows)")).count(), run.out());
        assertTrue(run.err().contains(":3:29: warning[QF5010]"), run.err());
        assertTrue(run.err().contains("no series has id \"NEX\"; the closest is \"NEW\""), run.err());
        assertTrue(run.err().contains(":4:29: warning[QF5010]"), run.err());
        assertTrue(run.err().contains("no series has id \"NEZ\"; the closest is \"NEW\""), run.err());
        // "A" exists, and the negated test names none: the hint falls back to what the forecast has
        assertTrue(run.err().contains(":5:29: warning[QF5010]"), run.err());
        assertTrue(run.err().contains("the forecast has ids"), run.err());
    }
}
