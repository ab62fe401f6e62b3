package dev.qfl.bench;

import dev.qfl.stdlib.dist.Isqf;
import java.util.SplittableRandom;

/**
 * Measures query-time speed of learned quantile functions: quantile and CDF evaluations per
 * second on one thread, over many series × horizon steps × levels, the way a planning run
 * queries a trained model. Used by {@code qfl bench iqf}; not a test.
 */
public final class IsqfQueryBenchmark {
    private IsqfQueryBenchmark() {
    }

    /** Prints quantile and CDF evaluations per second over 10,000 series × 14 steps × 99 levels. */
    public static void main(String[] args) {
        Result r = measure(10_000, 14, 99, 20, 1);
        System.out.printf(java.util.Locale.ROOT, "quantile_evals_per_s %.3g%ncdf_evals_per_s %.3g%n",
                r.quantileEvalsPerSecond(), r.cdfEvalsPerSecond());
    }

    /** Evaluations per second. */
    public record Result(double quantileEvalsPerSecond, double cdfEvalsPerSecond) {
    }

    public static Result measure(int series, int horizons, int levels, int knots, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Isqf[] functions = new Isqf[series * horizons];
        double[] knotLevels = new double[knots];
        for (int k = 0; k < knots; k++) {
            knotLevels[k] = (k + 1.0) / (knots + 1);
        }
        for (int i = 0; i < functions.length; i++) {
            double[] values = new double[knots];
            values[0] = r.nextDouble() * 10;
            for (int k = 1; k < knots; k++) {
                values[k] = values[k - 1] + 0.01 + r.nextDouble();
            }
            functions[i] = Isqf.of(knotLevels, values, 1, null, null, 0.5 + r.nextDouble(), 0.5 + r.nextDouble())
                    .affine(r.nextDouble() * 5, 1 + r.nextDouble() * 20);
        }
        double[] grid = new double[levels];
        for (int i = 0; i < levels; i++) {
            grid[i] = (i + 1.0) / (levels + 1);
        }
        double[] thresholds = new double[levels];
        double[] out = new double[levels];
        double sink = 0;
        // warm up both paths so the JIT has compiled them before timing
        for (int rep = 0; rep < 3; rep++) {
            sink += sweepQuantiles(functions, grid, out) + sweepCdf(functions, grid, thresholds);
        }
        long t0 = System.nanoTime();
        sink += sweepQuantiles(functions, grid, out);
        double quantileSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        sink += sweepCdf(functions, grid, thresholds);
        double cdfSeconds = (System.nanoTime() - t1) / 1e9;
        if (sink == 42.4242) {
            System.out.print("");  // keeps the results alive so the JIT cannot drop the work
        }
        double evaluations = (double) functions.length * levels;
        return new Result(evaluations / quantileSeconds, evaluations / cdfSeconds);
    }

    private static double sweepQuantiles(Isqf[] functions, double[] grid, double[] out) {
        double sum = 0;
        for (Isqf f : functions) {
            f.quantiles(grid, out);
            sum += out[out.length / 2];
        }
        return sum;
    }

    private static double sweepCdf(Isqf[] functions, double[] grid, double[] thresholds) {
        double sum = 0;
        for (Isqf f : functions) {
            double lo = f.quantile(0.01);
            double hi = f.quantile(0.99);
            for (int i = 0; i < grid.length; i++) {
                sum += f.cdf(lo + (hi - lo) * grid[i]);
            }
        }
        return sum;
    }
}
