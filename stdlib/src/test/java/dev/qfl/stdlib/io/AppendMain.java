package dev.qfl.stdlib.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A separate process for {@link AtomicFilesTest}: appends {@code count} lines tagged {@code tag}. */
public final class AppendMain {
    private AppendMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String tag = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String line = tag + "," + i + "\n";
            AtomicFiles.rewrite(file, current -> AtomicFilesTest.appendLine(current, line));
        }
        System.out.println("done".getBytes(StandardCharsets.UTF_8).length);
    }
}
