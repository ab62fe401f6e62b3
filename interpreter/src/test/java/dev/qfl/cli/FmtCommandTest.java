package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
    private static final String MESSY = "series   demand=csv( \"sales.csv\",time:\"date\" )\n"
            + "quantile( demand,0.5 )   where horizon<=2 # next two days\n";
    private static final String CANONICAL = "series demand = csv(\"sales.csv\", time: \"date\")\n"
            + "quantile(demand, 0.5) where horizon <= 2  # next two days\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("plan.qfl");
        Files.writeString(file, text);
        return file;
    }

    private List<String> folderContents() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void printsTheCanonicalLayoutAndLeavesTheFileAlone() throws IOException {
        Path file = write(MESSY);
        CliRun run = CliRun.of("fmt", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(CANONICAL, run.out());
        assertEquals(MESSY, Files.readString(file));
    }

    @Test
    void writeRewritesTheFileInPlaceWithoutLeavingTemporaries() throws IOException {
        Path file = write(MESSY);
        CliRun run = CliRun.of("fmt", "--write", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(CANONICAL, Files.readString(file));
        assertEquals("formatted " + file + "\n", run.out());
        assertEquals(List.of("plan.qfl"), folderContents());
    }

    @Test
    void writeDoesNotTouchAFileThatIsAlreadyFormatted() throws IOException {
        Path file = write(CANONICAL);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);
        CliRun run = CliRun.of("fmt", "--write", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(old, Files.getLastModifiedTime(file), "an unchanged file is not rewritten");
        assertEquals(file + " is already formatted\n", run.out());
    }

    @Test
    void checkExitsOneOnlyWhenTheLayoutWouldChange() throws IOException {
        Path file = write(MESSY);
        CliRun messy = CliRun.of("fmt", "--check", file.toString());
        assertEquals(1, messy.exit());
        assertTrue(messy.err().contains("is not formatted"), messy.err());
        assertEquals(MESSY, Files.readString(file), "--check changes nothing");
        write(CANONICAL);
        assertEquals(0, CliRun.of("fmt", "--check", file.toString()).exit());
    }

    @Test
    void aScriptThatDoesNotParseIsReportedNotFormatted() throws IOException {
        Path file = write("quantile(demand, 0.5\n");
        CliRun run = CliRun.of("fmt", "--write", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("error[QF1"), run.err());
        assertEquals("quantile(demand, 0.5\n", Files.readString(file));
    }
}
