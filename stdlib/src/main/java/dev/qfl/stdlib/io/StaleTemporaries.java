package dev.qfl.stdlib.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of {@link AtomicFiles}, and their cleaning. A temporary file is named
 * {@code .TARGET.qfl-PID-RANDOM.tmp}: a process killed between creating and renaming it leaves it
 * behind, so every write to a folder first removes the temporaries there whose process is gone
 * or that are older than {@link #MAX_AGE} (no write takes that long between the two steps; the age
 * rule also covers files written from another machine on a shared folder, whose PIDs mean nothing
 * here). Only names of exactly this pattern are touched.
 */
final class StaleTemporaries {
    static final String SUFFIX = ".tmp";
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Pattern NAME = Pattern.compile("\\..+\\.qfl-(\\d{1,18})-\\d+\\.tmp");

    private StaleTemporaries() {
    }

    /** The prefix of a temporary file for {@code target} written by this process. */
    static String prefix(Path target) {
        return "." + target.getFileName() + ".qfl-" + ProcessHandle.current().pid() + "-";
    }

    /** Removes stale temporaries in {@code dir}; problems are ignored (cleaning is best effort). */
    static void clean(Path dir) {
        Instant now = Instant.now();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*" + SUFFIX)) {
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && isStale(p, Long.parseLong(m.group(1)), now)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A folder we cannot list or a file we cannot remove must not stop the write itself.
        }
    }

    static boolean isStale(Path temporary, long pid, Instant now) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            // ours: in use by another thread's write, unless it is old (left by a failed delete)
            return olderThanMaxAge(temporary, now);
        }
        boolean ownerAlive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return !ownerAlive || olderThanMaxAge(temporary, now);
    }

    private static boolean olderThanMaxAge(Path p, Instant now) throws IOException {
        return Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(MAX_AGE));
    }
}
