package dev.qfl.bench;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code qfl bench classics [SERIES]}: series fitted and forecast per second by ets, theta, arima
 * and auto on generated monthly series (default 1,000), on all cores; and, when {@code Rscript}
 * with the forecast package is on the PATH, R's {@code ets}, {@code thetaf} and {@code auto.arima}
 * on the same series and cores in the same run, with the ratio.
 */
public final class ClassicsBenchmark {
    static final int HORIZON = 12;
    static final int SEASON = 12;

    private ClassicsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        run(count, System.out);
    }

    /**
     * Monthly series of 60 to 180 points: a level, a trend that may fade, a yearly pattern of varying
     * strength and noise, so every form of the models is exercised.
     */
    static Panel panel(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int n = 60 + r.nextInt(121);
            double level = 50 + 950 * r.nextDouble();
            double trend = (r.nextDouble() - 0.4) * level / 200;
            double season = r.nextDouble() * 0.3;
            double noise = 0.02 + 0.1 * r.nextDouble();
            double phase = r.nextDouble() * 2 * Math.PI;
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                double mean = level + trend * t * (r.nextDouble() < 0.5 ? 1 : 0.97);
                v[t] = Math.max(0, mean * (1 + season * Math.sin(2 * Math.PI * t / SEASON + phase))
                        * (1 + noise * r.nextGaussian()));
            }
            out.add(TimeSeries.of("s" + s, Frequency.MONTH, LocalDateTime.of(2000, 1, 1, 0, 0), v));
        }
        return new Panel("classics", Frequency.MONTH, out, Support.NONNEGATIVE, "classics-" + seed, "generated");
    }

    static void run(int count, PrintStream out) throws Exception {
        Panel panel = panel(count, 42);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "series %d (monthly, 60..180 points), horizon %d, cores %d%n", count, HORIZON, cores);
        ModelRegistry registry = ModelRegistry.standard();
        Map<String, Double> qfl = new java.util.LinkedHashMap<>();
        for (String name : List.of("ets", "theta", "arima", "auto")) {
            ModelKind kind = registry.find(name).orElseThrow();
            ModelSpec spec = kind.resolve(Map.of("horizon", HORIZON, "season", SEASON), Frequency.MONTH);
            long t0 = System.nanoTime();
            TrainedModel model = kind.fit(panel, spec, FitContext.silent(name));
            int forecast = model.forecast(name, panel, FitContext.silent(name)).series().size();
            double seconds = (System.nanoTime() - t0) / 1e9;
            qfl.put(name, forecast / seconds);
            out.printf(Locale.ROOT, "qfl_%s_series_per_s %.1f%n", name, forecast / seconds);
        }
        Map<String, Double> r = runR(panel, cores, out);
        for (Map.Entry<String, Double> e : r.entrySet()) {
            Double ours = qfl.get(e.getKey());
            if (ours != null) {
                out.printf(Locale.ROOT, "ratio_%s_qfl_over_r %.2f%n", e.getKey(), ours / e.getValue());
            }
        }
    }

    /** R's series/s per model, or empty (with a note) when R or its forecast package is missing. */
    private static Map<String, Double> runR(Panel panel, int cores, PrintStream out) throws IOException, InterruptedException {
        Map<String, Double> result = new java.util.LinkedHashMap<>();
        Path dir = Files.createTempDirectory("qfl-classics");
        try {
            Path data = dir.resolve("series.csv");
            StringBuilder csv = new StringBuilder("id,value\n");
            for (TimeSeries s : panel.series()) {
                for (double v : s.values()) {
                    csv.append(s.id()).append(',').append(v).append('\n');
                }
            }
            Files.writeString(data, csv);
            Path script = dir.resolve("classics.R");
            try (InputStream in = ClassicsBenchmark.class.getResourceAsStream("classics.R")) {
                Files.copy(in, script);
            }
            Process p;
            try {
                p = new ProcessBuilder("Rscript", script.toString(), data.toString(), String.valueOf(cores),
                        String.valueOf(HORIZON), String.valueOf(SEASON)).redirectErrorStream(true).start();
            } catch (IOException e) {
                out.println("r: Rscript not found; install R and its forecast package (apt-get install -y r-cran-forecast) to compare");
                return result;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.println(line);
                    String[] parts = line.trim().split(" ");
                    if (parts.length == 2 && parts[0].startsWith("r_") && parts[0].endsWith("_series_per_s")) {
                        result.put(parts[0].substring(2, parts[0].length() - "_series_per_s".length()), Double.parseDouble(parts[1]));
                    }
                }
            }
            if (p.waitFor() != 0) {
                out.println("r: the R script failed (is the forecast package installed?)");
            }
            return result;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
