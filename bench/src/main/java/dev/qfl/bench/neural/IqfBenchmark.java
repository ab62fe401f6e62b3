package dev.qfl.bench.neural;

import dev.qfl.bench.IsqfQueryBenchmark;
import dev.qfl.bench.ProcessMemory;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.neural.IqfKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code qfl bench iqf}: training and query throughput of iqf on a fixed configuration (500 daily
 * series of 400 steps with a weekly pattern, context 56, horizon 14, 20 knots, MLP 2 × 64, batch
 * 256, Adam 0.001, one intra-op thread), printed as {@code name value} lines. Compare with the
 * PyTorch eager reference run on the same machine (README, Benchmarks).
 */
public final class IqfBenchmark {
    private IqfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        run(epochs, System.out);
    }

    /** Synthetic panel in the spirit of the reference: weekly sine around a random level, plus noise. */
    static Panel panel(int series, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double level = r.nextDouble() * 50 + 5;
            double phase = r.nextDouble() * 6;
            double[] v = new double[length];
            for (int t = 0; t < length; t++) {
                v[t] = Math.max(0, level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 7 + phase))
                        + r.nextGaussian() * Math.sqrt(level));
            }
            out.add(TimeSeries.of("s" + s, Frequency.DAY, LocalDateTime.of(2020, 1, 1, 0, 0), v));
        }
        return new Panel("bench", Frequency.DAY, out, Support.NONNEGATIVE, "bench-" + seed, "synthetic");
    }

    static void run(int epochs, PrintStream out) throws Exception {
        Panel panel = panel(500, 400, 0);
        ModelSpec spec = new IqfKind().resolve(Map.of("horizon", 14, "context", 56, "knots", 20, "hidden", 64,
                "layers", 2, "batch", 256, "lr", 0.001, "epochs", epochs), Frequency.DAY);
        EpochMeter meter = new EpochMeter();
        TrainedModel model = new IqfKind().fit(panel, spec, new FitContext("bench", meter));
        double stepsPerSecond = meter.stepsPerSecond();
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        model.writeParameters(saved);
        long t0 = System.nanoTime();
        TrainedModel loaded = new IqfKind().readParameters(spec, model.summary(), new ByteArrayInputStream(saved.toByteArray()));
        double loadMs = (System.nanoTime() - t0) / 1e6;
        IsqfQueryBenchmark.Result queries = IsqfQueryBenchmark.measure(10_000, 14, 99, 20, 1);
        out.printf(Locale.ROOT, "train_steps_per_s %.1f%n", stepsPerSecond);
        out.printf(Locale.ROOT, "train_samples_per_s %.0f%n", stepsPerSecond * 256);
        out.printf(Locale.ROOT, "quantile_evals_per_s %.3g%n", queries.quantileEvalsPerSecond());
        out.printf(Locale.ROOT, "cdf_evals_per_s %.3g%n", queries.cdfEvalsPerSecond());
        out.printf(Locale.ROOT, "model_load_ms %.0f%n", loadMs);
        out.printf(Locale.ROOT, "peak_rss_mb %d%n", ProcessMemory.peakRssMb());
        out.println("rss_mb_by_epoch " + meter.rssByEpoch());
        out.printf(Locale.ROOT, "final_validation_crps %.4f%n", model.summary().validationLoss());
        ((AutoCloseable) loaded).close();
        ((AutoCloseable) model).close();
    }
}
