package dev.qfl.fuzz;

import dev.qfl.terminal.UserError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code qfl bench fuzz [N] [--seed S] [--out DIR] [--examples DIR]}: N mutants (default 2,000)
 * of the example scripts through check, fmt, explain and run; prints what each pass saw and every
 * internal error, and writes the first few offending mutants to DIR (default
 * {@code fuzz-findings}) so they can be replayed with {@code qfl run}.
 */
public final class FuzzBenchmark {
    private static final int WRITTEN = 20;
    private static final long TIMEOUT_MILLIS = 30_000;

    private FuzzBenchmark() {
    }

    public static void main(String[] args) throws IOException, UserError {
        int count = 2000;
        long seed = 1;
        Path out = Path.of("fuzz-findings");
        Path examples = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = count(value(args, ++i, "--seed"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--examples" -> examples = Path.of(value(args, ++i, "--examples"));
                case "--help", "-h" -> {
                    System.out.println("qfl bench fuzz [N] [--seed S] [--out DIR] [--examples DIR]");
                    return;
                }
                default -> count = count(args[i]);
            }
        }
        Path folder = examples != null ? examples : findExamples();
        try (FuzzWorkspace workspace = FuzzWorkspace.prepare(folder)) {
            Fuzzer fuzzer = new Fuzzer(workspace, seed, TIMEOUT_MILLIS);
            System.out.printf(Locale.ROOT, "fuzz: %,d mutants of %d example scripts (%s), seed %d%n", count,
                    workspace.seeds().size(), folder, seed);
            Files.createDirectories(out);
            Path target = out;
            int[] written = {0};
            Fuzzer.Report report = fuzzer.run(count, f -> {
                System.out.printf(Locale.ROOT, "internal error in %s of mutant %d (from %s): %s%n", f.pass()
                        .name().toLowerCase(Locale.ROOT), f.index(), f.origin(), firstLine(f.problem()));
                if (written[0] < WRITTEN) {
                    written[0]++;
                    write(target, f);
                }
            }, soFar -> System.out.printf(Locale.ROOT, "... %,d mutants, %d internal errors, %.0f s%n",
                    soFar.mutants(), soFar.findings().size(), soFar.millis() / 1000.0));
            print(report, out, written[0]);
        }
    }

    private static void print(Fuzzer.Report report, Path out, int written) {
        System.out.printf(Locale.ROOT, "%nmutants %,d in %.1f s (%.1f ms each)%n", report.mutants(),
                report.millis() / 1000.0, report.millis() / (double) Math.max(1, report.mutants()));
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %9s%n", "pass", "tried", "accepted", "internal", "seconds");
        for (Map.Entry<Fuzzer.Pass, Fuzzer.PassCount> e : report.passes().entrySet()) {
            Fuzzer.PassCount c = e.getValue();
            System.out.printf(Locale.ROOT, "%-8s %,9d %,9d %,9d %9.1f%n", e.getKey().name().toLowerCase(Locale.ROOT),
                    c.tried(), c.accepted(), c.internal(), c.millis() / 1000.0);
        }
        System.out.printf(Locale.ROOT, "internal errors: %d%s%n", report.findings().size(),
                written == 0 ? "" : " (the first " + written + " written to " + out.toAbsolutePath() + ")");
    }

    private static void write(Path folder, Fuzzer.Finding f) {
        String name = String.format(Locale.ROOT, "mutant-%06d-%s.qfl", f.index(), f.pass().name().toLowerCase(Locale.ROOT));
        StringBuilder header = new StringBuilder();
        header.append("# fuzz finding: ").append(f.pass().name().toLowerCase(Locale.ROOT)).append(" of a mutant of ")
                .append(f.origin()).append('\n');
        f.problem().lines().limit(5).forEach(l -> header.append("# ").append(l).append('\n'));
        try {
            Files.writeString(folder.resolve(name), header + f.source());
        } catch (IOException e) {
            System.out.println("cannot write " + folder.resolve(name) + ": " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static int count(String arg) throws UserError {
        try {
            int n = Integer.parseInt(arg.replace("_", "").replace(",", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("bench fuzz takes the number of mutants (e.g. 20000), not '" + arg + "'");
    }

    private static String value(String[] args, int i, String option) throws UserError {
        if (i >= args.length) {
            throw new UserError("bench fuzz: " + option + " needs a value");
        }
        return args[i];
    }

    /** The repository's examples folder: above the working directory, or above this build's classes. */
    static Path findExamples() throws UserError {
        for (Path start : candidates()) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("examples").resolve("quickstart.qfl"))) {
                    return p.resolve("examples");
                }
            }
        }
        throw new UserError("bench fuzz cannot find the examples folder; give it with --examples DIR");
    }

    private static Path[] candidates() {
        Path here = Path.of("").toAbsolutePath();
        try {
            Path classes = Path.of(FuzzBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Path[] {here, classes};
        } catch (URISyntaxException | RuntimeException e) {
            return new Path[] {here};
        }
    }
}
