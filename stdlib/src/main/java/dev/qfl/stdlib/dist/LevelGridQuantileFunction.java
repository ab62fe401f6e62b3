package dev.qfl.stdlib.dist;

import java.util.Arrays;

/**
 * Quantiles known only at a grid of levels, as a conventional per-level quantile regression
 * gives them. Between grid levels the value is interpolated linearly and beyond the outermost ones
 * it is held flat. The values are used as given, so when the regression crosses (a higher level
 * with a lower value) this function crosses too, which is exactly what the {@code crossing}
 * metric must see. The CDF reads the values sorted (rearranged), the best a crossing grid allows.
 */
public final class LevelGridQuantileFunction implements QuantileFunction {
    private final double[] levels;
    private final double[] values;
    private final double[] sorted;

    public LevelGridQuantileFunction(double[] levels, double[] values) {
        if (levels.length == 0 || levels.length != values.length) {
            throw new IllegalArgumentException("need one value per level");
        }
        this.levels = levels.clone();
        this.values = values.clone();
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    @Override
    public double quantile(double level) {
        if (level <= levels[0]) {
            return values[0];
        }
        int last = levels.length - 1;
        if (level >= levels[last]) {
            return values[last];
        }
        int i = Arrays.binarySearch(levels, level);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (level - levels[lo]) / (levels[hi] - levels[lo]);
        return values[lo] + w * (values[hi] - values[lo]);
    }

    @Override
    public double cdf(double x) {
        if (x < sorted[0]) {
            return 0;
        }
        int last = sorted.length - 1;
        if (x >= sorted[last]) {
            return 1;
        }
        for (int i = 0; i < last; i++) {
            if (x < sorted[i + 1]) {
                double span = sorted[i + 1] - sorted[i];
                double w = span == 0 ? 1 : (x - sorted[i]) / span;
                return levels[i] + w * (levels[i + 1] - levels[i]);
            }
        }
        return 1;
    }

    @Override
    public double[] knotLevels() {
        return levels.clone();
    }
}
