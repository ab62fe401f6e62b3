package dev.qfl.bench.neural;

import dev.qfl.bench.ProcessMemory;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.neural.Mqf2Kind;
import java.io.PrintStream;
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
            EpochMeter meter = new EpochMeter();
            TrainedModel model = new Mqf2Kind().fit(panel, spec, new FitContext("bench", meter));
            double stepsPerSecond = meter.stepsPerSecond();
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
            out.println("  rss_mb_by_epoch " + meter.rssByEpoch());
            ((AutoCloseable) model).close();
        }
        out.printf(Locale.ROOT, "peak_rss_mb %d%n", ProcessMemory.peakRssMb());
    }
}
