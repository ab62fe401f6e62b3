package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qfl check} reads the data once and checks each statement against it by the statement's
 * kind (#15: DataCheck visits statements): a series loads its file, a model warns about series too
 * short for it, a plot checks its selection; other statements read nothing.
 */
class DataCheckRunTest {
    @TempDir
    Path dir;

    @Test
    void aModelDeclarationWarnsAboutSeriesTooShortForIt() throws IOException {
        CliRun.writeSales(dir);
        String file = CliRun.script(dir, CliRun.HEADER + "model smooth = ets(demand, horizon: 3)\nfit smooth\n");
        CliRun run = CliRun.of("check", file);
        assertEquals(0, run.exit(), run.err());
        String all = run.out() + run.err();
        assertTrue(all.contains(":3:1: warning[QF3201]: series \"NEW\" has 2 observations; smooth needs at least 3"), all);
        assertFalse(all.contains("series \"A\" has"), "a long series is not warned about: " + all);
    }

    @Test
    void aMissingFileIsReportedAtTheCallThatNamedIt() throws IOException {
        String file = CliRun.script(dir, CliRun.HEADER);
        CliRun run = CliRun.of("check", file);
        assertEquals(1, run.exit(), run.err());
        assertTrue((run.out() + run.err()).contains(":1:17: error[QF3106]: cannot read \"sales.csv\""), run.out() + run.err());
    }
}
