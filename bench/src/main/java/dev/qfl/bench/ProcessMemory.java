package dev.qfl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from /proc (Linux); -1 where it is not available. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Current resident set size in MB. */
    public static long rssMb() {
        return field("VmRSS:");
    }

    /** Peak resident set size in MB. */
    public static long peakRssMb() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
