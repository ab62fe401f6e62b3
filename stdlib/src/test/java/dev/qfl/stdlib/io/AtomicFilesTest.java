package dev.qfl.stdlib.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    static byte[] appendLine(byte[] current, String line) {
        String before = current == null ? "" : new String(current, StandardCharsets.UTF_8);
        return (before + line).getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> distinctLines(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        Set<String> distinct = new HashSet<>(lines);
        assertEquals(lines.size(), distinct.size(), "no line written twice");
        return distinct;
    }

    @Test
    void concurrentRewritesFromThreadsLoseNoLine() throws Exception {
        Path log = dir.resolve("log.csv");
        int threads = 6;
        int each = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "t" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String line = tag + "," + i + "\n";
                        AtomicFiles.rewrite(log, current -> appendLine(current, line));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, distinctLines(log).size());
    }

    @Test
    void concurrentRewritesFromProcessesLoseNoLine() throws Exception {
        Path log = dir.resolve("log.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        int processes = 3;
        int each = 25;
        List<Process> started = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            started.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    AppendMain.class.getName(), log.toString(), "p" + p, String.valueOf(each))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("p" + p + ".out").toFile()).start());
        }
        // this process appends at the same time, so threads and processes contend for one lock
        for (int i = 0; i < each; i++) {
            String line = "main," + i + "\n";
            AtomicFiles.rewrite(log, current -> appendLine(current, line));
        }
        for (Process p : started) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "an appending process did not finish");
            assertEquals(0, p.exitValue(), () -> "appending process failed: " + output(p));
        }
        assertEquals((processes + 1) * each, distinctLines(log).size());
    }

    private String output(Process p) {
        try {
            StringBuilder all = new StringBuilder();
            for (File f : dir.toFile().listFiles((d, n) -> n.endsWith(".out"))) {
                all.append(Files.readString(f.toPath()));
            }
            return all.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aWriteRemovesTemporariesLeftByDeadProcessesAndOldOnes() throws Exception {
        long deadPid = deadPid();
        Path orphan = Files.writeString(dir.resolve(".plan.csv.qfl-" + deadPid + "-123.tmp"), "half");
        Path old = Files.writeString(dir.resolve(".plan.csv.qfl-" + ProcessHandle.current().pid() + "-456.tmp"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(dir.resolve(".plan.csv.qfl-" + ProcessHandle.current().pid() + "-789.tmp"), "y");
        Path unrelated = Files.writeString(dir.resolve(".notes.tmp"), "mine");
        AtomicFiles.write(dir.resolve("plan.csv"), "a\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(Files.exists(orphan), "a dead process's temporary is removed");
        assertFalse(Files.exists(old), "an old temporary is removed");
        assertTrue(Files.exists(fresh), "a live writer's fresh temporary stays");
        assertTrue(Files.exists(unrelated), "files not named like QFL's temporaries stay");
        assertEquals("a\n", Files.readString(dir.resolve("plan.csv")));
    }

    @Test
    void aWriteLeavesNoTemporaryBehind() throws Exception {
        AtomicFiles.write(dir.resolve("x.csv"), "1\n".getBytes(StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("x.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A PID no process has: one past the highest in use, checked. */
    private static long deadPid() {
        long pid = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(100) + 1000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }
}
