package dev.qfl.spark;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code qfl bench spark}: the same forecasting script over generated weekly panels (two years
 * per series), once on one JVM and once on Spark {@code local[2]}, each in a fresh JVM so its
 * peak memory is its own. The script forecasts every series with seasonal naive and with a saved
 * iqf model (trained once beforehand, not timed) and exports {@code quantile(x, [0.5, 0.9, 0.95])}
 * and {@code newsvendor} for every series to Parquet. Prints series per second and peak memory.
 *
 * <pre>
 * qfl bench spark [--series 50000,200000] [--scale 100] [--master local[2]] [--dir target/bench-spark]
 * </pre>
 * {@code --scale K} divides the series counts by K (a quick run on a laptop).
 */
public final class SparkBench {
    static final int WEEKS = 104;
    static final String SCRIPT = """
            series sales = csv("sales.csv", time: "week", value: "units", id: "sku", freq: week)
            model naive = seasonal_naive(sales, horizon: 4, season: 52)
            model iq = load("iq.qflm", sales)
            let nq = quantile(sales, [0.5, 0.9, 0.95]) using naive
            export nq to "out/naive_quantiles.parquet"
            let nn = newsvendor(sales, underage: 4, overage: 1) using naive
            export nn to "out/naive_newsvendor.parquet"
            let iq_q = quantile(sales, [0.5, 0.9, 0.95]) using iq
            export iq_q to "out/iqf_quantiles.parquet"
            let iq_n = newsvendor(sales, underage: 4, overage: 1) using iq
            export iq_n to "out/iqf_newsvendor.parquet"
            """;

    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--child")) {
            child(args);
            return;
        }
        List<Integer> counts = new ArrayList<>(List.of(50_000, 200_000));
        int scale = 1;
        String master = "local[2]";
        Path dir = Path.of("target", "bench-spark");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--series" -> {
                    counts.clear();
                    for (String c : args[i + 1].split(",")) {
                        counts.add(Integer.parseInt(c.strip()));
                    }
                }
                case "--scale" -> scale = Integer.parseInt(args[i + 1]);
                case "--master" -> master = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "qfl bench spark: weekly series of %d weeks; seasonal naive and a saved iqf; "
                + "quantiles [0.5, 0.9, 0.95] and newsvendor for every series, exported to Parquet%n", WEEKS);
        System.out.printf(Locale.ROOT, "%-9s %-9s %10s %10s %12s %13s %13s%n",
                "series", "runner", "rows", "seconds", "series/s", "peak heap MB", "peak RSS MB");
        for (int count : counts) {
            int series = Math.max(2, count / scale);
            Path folder = dir.resolve("n" + series).toAbsolutePath();
            prepare(folder, series);
            for (String runner : List.of("one-jvm", master)) {
                String line = measure(folder, runner);
                if (line.startsWith("failed")) {
                    System.out.printf(Locale.ROOT, "%-9d %-9s %s%n", series, runner, line);
                    continue;
                }
                String[] f = line.strip().split(" ");
                double seconds = Double.parseDouble(f[0]);
                System.out.printf(Locale.ROOT, "%-9d %-9s %10s %10.1f %12.0f %13s %13s%n", series, runner,
                        String.format(Locale.ROOT, "%,d", (long) series * WEEKS), seconds, series / seconds, f[1], f[2]);
            }
        }
    }

    /** Writes the panel and trains the iqf model once (on at most 2,000 series), unless present. */
    private static void prepare(Path folder, int series) throws IOException, QflScriptException {
        Files.createDirectories(folder.resolve("out"));
        Path csv = folder.resolve("sales.csv");
        if (!Files.exists(csv)) {
            writePanel(csv, series);
        }
        if (!Files.exists(folder.resolve("iq.qflm"))) {
            Path sample = folder.resolve("sample.csv");
            writePanel(sample, Math.min(series, 2_000));
            try (QflSession s = QflEngine.builder().build().openSession(folder)) {
                s.evaluate("train.qfl", """
                        series sample = csv("sample.csv", time: "week", value: "units", id: "sku", freq: week)
                        model iq = iqf(sample, horizon: 4, context: 12, epochs: 2, hidden: 16, knots: 5, seed: 3)
                        save iq to "iq.qflm"
                        """);
            }
        }
    }

    /** Weekly demand with a yearly season, a level per series and noise; deterministic. */
    static void writePanel(Path csv, int series) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        LocalDate start = LocalDate.of(2023, 1, 2);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("sku,week,units\n");
            for (int s = 0; s < series; s++) {
                double level = 5 + random.nextDouble() * 50;
                double phase = random.nextDouble() * 2 * Math.PI;
                for (int t = 0; t < WEEKS; t++) {
                    double mean = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 52.0 + phase));
                    long units = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
                    w.write("S" + s + "," + start.plusWeeks(t) + "," + units + "\n");
                }
            }
        }
    }

    /** Runs one measurement in a fresh JVM; its last line is "seconds peakHeapMB peakRssMB". */
    private static String measure(Path folder, String runner) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SparkBench.class.getName());
        command.add("--child");
        command.add(runner);
        command.add(folder.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = out.strip().split("\n");
        if (p.waitFor() != 0) {
            // e.g. one JVM refusing a panel beyond its row limit: a figure of the table, not a crash
            return "failed: " + (out.isBlank() ? "see the messages above" : lines[lines.length - 1]);
        }
        return lines[lines.length - 1];
    }

    /** In the child JVM: runs the script once and prints its time and peak memory. */
    private static void child(String[] args) throws Exception {
        String runner = args[1];
        Path folder = Path.of(args[2]);
        long started = System.nanoTime();
        if (runner.equals("one-jvm")) {
            try (QflSession s = QflEngine.builder().build().openSession(folder)) {
                s.evaluate("bench.qfl", SCRIPT);
            } catch (QflScriptException e) {
                System.out.println(e.diagnostics().get(0).code() + " " + e.diagnostics().get(0).message());
                System.exit(1);
            }
        } else {
            var spark = SparkSessions.start(runner, "qfl bench");
            try {
                int partitions = Math.max(2, (int) Math.ceil(Files.size(folder.resolve("sales.csv")) / 32e6));
                new SparkRun(spark, partitions).run("bench.qfl", SCRIPT, folder, o -> { });
            } finally {
                spark.stop();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%.3f %d %s%n", seconds, heap >> 20, peakRss());
    }

    /** The process's resident-set high-water mark (Linux), which includes native memory such as libtorch's. */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return "n/a";
    }
}
