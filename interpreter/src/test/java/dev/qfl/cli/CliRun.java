package dev.qfl.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Runs {@code qfl} in-process with in-memory streams, and writes the small data set the command
 * line and REPL tests share.
 *
 * @param exit the exit code
 * @param out  what went to stdout
 * @param err  what went to stderr
 */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        return withInput("", args);
    }

    public static CliRun withInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code sales.csv} in long format: series A and B with 30 daily values from 2024-03-01, and
     * NEW with only two (too short for a seasonal model, so it draws a warning).
     */
    /** Writes {@code text} as {@code plan.qfl} in {@code dir} and returns its path, for {@link #of}. */
    public static String script(Path dir, String text) throws IOException {
        Path file = dir.resolve("plan.qfl");
        java.nio.file.Files.writeString(file, text);
        return file.toString();
    }

    public static Path writeSales(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int d = 0; d < 30; d++) {
            String date = LocalDate.of(2024, 3, 1).plusDays(d).toString();
            csv.append(date).append(",A,").append(20 + (d % 2) * 10 + (d * 7 % 5)).append('\n');
            csv.append(date).append(",B,").append(String.format(Locale.ROOT, "%.2f", 100 + 7.3 * Math.sin(d * 1.7)))
                    .append('\n');
        }
        csv.append("2024-03-29,NEW,4\n2024-03-30,NEW,5\n");
        Path file = dir.resolve("sales.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** The declarations every test script starts with (data path relative to the script). */
    public static final String HEADER = """
            series demand = csv("sales.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 3, season: 2)
            """;
}
