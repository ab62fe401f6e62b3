package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.bench.ProcessMemory;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code qfl bench mqf2}: mqf2 training throughput at horizon 7 and 14 (batch 64, 50 samples per
 * energy-score set, context 4 × horizon, the default networks, one intra-op thread) on the same
 * synthetic panel as {@code bench iqf}, then joint sampling throughput (paths drawn through the
 * convex network's gradient per second) and the process's resident memory after every epoch, which
 * should level off: the gradient is written out as forward operations, so no double-backward graph
 * is kept alive between steps.
 */
public final class Mqf2Benchmark {
    private Mqf2Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        run(epochs, System.out);
    }

    static void run(int epochs, PrintStream out) throws Exception {
        Panel panel = IqfBenchmark.panel(200, 400, 0);
        for (int horizon : new int[] {7, 14}) {
            ModelSpec spec = new Mqf2Kind().resolve(Map.of("horizon", horizon, "batch", 64, "samples", 50,
                    "epochs", epochs), Frequency.DAY);
            List<Double> seconds = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            Reporter reporter = new Reporter() {
                private long last;

                @Override
                public void info(String message) {
                }

                @Override
                public void warn(String message) {
                }

                @Override
                public void epoch(EpochReport report) {
                    seconds.add((report.elapsedMillis() - last) / 1000.0);
                    last = report.elapsedMillis();
                    rss.add(ProcessMemory.rssMb());
                }
            };
            TrainedModel model = new Mqf2Kind().fit(panel, spec, new FitContext("bench", reporter));
            // the first epoch includes warm-up (JIT, allocator); the rest are steady state
            double steady = seconds.stream().skip(1).mapToDouble(Double::doubleValue).sum()
                    / Math.max(1, seconds.size() - 1);
            double stepsPerSecond = NeuralOptions.STEPS_PER_EPOCH / steady;
            model.forecast("bench", panel, FitContext.silent("bench"));   // warm-up
            long t0 = System.nanoTime();
            model.forecast("bench", panel, FitContext.silent("bench"));
            double forecastSeconds = (System.nanoTime() - t0) / 1e9;
            long paths = (long) panel.series().size() * spec.intOption("paths");
            out.printf(Locale.ROOT, "horizon %d%n", horizon);
            out.printf(Locale.ROOT, "  train_steps_per_s %.1f%n", stepsPerSecond);
            out.printf(Locale.ROOT, "  train_windows_per_s %.0f%n", stepsPerSecond * 64);
            out.printf(Locale.ROOT, "  sample_paths_per_s %.0f  (%d series × %d paths in %.2f s)%n",
                    paths / forecastSeconds, panel.series().size(), spec.intOption("paths"), forecastSeconds);
            out.println("  rss_mb_by_epoch " + String.join(" ", rss.stream().map(String::valueOf).toList()));
            ((AutoCloseable) model).close();
        }
        out.printf(Locale.ROOT, "peak_rss_mb %d%n", ProcessMemory.peakRssMb());
    }
}
