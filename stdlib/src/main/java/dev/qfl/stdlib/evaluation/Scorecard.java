package dev.qfl.stdlib.evaluation;

import dev.qfl.stdlib.dist.QuantileFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the scores of one group of forecasts (a model, or a model and a series or window)
 * point by point, then reports each metric. Sums are kept, not means, so wql and crps are ratios
 * of sums exactly as GluonTS aggregates them.
 */
public final class Scorecard {
    /** The levels of GluonTS's mean_wQuantileLoss. */
    static final double[] WQL_LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Levels whose order is checked for crossing: 0.05, 0.10, ..., 0.95. */
    static final double[] CROSSING_LEVELS = new double[19];
    private static final double MSIS_ALPHA = 0.05;

    static {
        for (int i = 0; i < CROSSING_LEVELS.length; i++) {
            CROSSING_LEVELS[i] = 0.05 * (i + 1);
        }
    }

    private final List<Metric> metrics;
    private final double[] quantileLoss = new double[WQL_LEVELS.length];
    private final double[] coverageHits;
    private final double[] coverageLevels;
    private final Map<String, double[]> perSeries = new HashMap<>();
    private final double[] scratch = new double[CROSSING_LEVELS.length];
    private double absTarget;
    private double crps;
    private double energy;
    private double pathNorms;
    private double crpsLead;
    private double absTotals;
    private long paths;
    private long points;
    private long crossedRows;

    public Scorecard(List<Metric> metrics) {
        this.metrics = List.copyOf(metrics);
        this.coverageLevels = metrics.stream().filter(m -> m instanceof Metric.Coverage)
                .mapToDouble(m -> ((Metric.Coverage) m).level()).toArray();
        this.coverageHits = new double[coverageLevels.length];
    }

    /**
     * Scores one forecast against its outcome.
     *
     * @param series        series id (MASE and MSIS are averaged per series)
     * @param forecast      the forecast distribution of this point
     * @param actual        the outcome
     * @param seasonalError mean |y_t − y_{t−m}| of the series' training history (the MASE/MSIS scale)
     */
    public void add(String series, QuantileFunction forecast, double actual, double seasonalError) {
        points++;
        absTarget += Math.abs(actual);
        for (int i = 0; i < WQL_LEVELS.length; i++) {
            quantileLoss[i] += pinball2(actual, forecast.quantile(WQL_LEVELS[i]), WQL_LEVELS[i]);
        }
        if (wants(Metric.Crps.class)) {
            crps += forecast.crps(actual);
        }
        for (int i = 0; i < coverageLevels.length; i++) {
            double tail = (1 - coverageLevels[i]) / 2;
            if (actual >= forecast.quantile(tail) && actual <= forecast.quantile(1 - tail)) {
                coverageHits[i]++;
            }
        }
        if (wants(Metric.Crossing.class)) {
            forecast.quantiles(CROSSING_LEVELS, scratch);
            for (int i = 1; i < scratch.length; i++) {
                if (scratch[i] < scratch[i - 1]) {
                    crossedRows++;
                    break;
                }
            }
        }
        double[] s = perSeries.computeIfAbsent(series, k -> new double[4]);
        double lower = forecast.quantile(MSIS_ALPHA / 2);
        double upper = forecast.quantile(1 - MSIS_ALPHA / 2);
        double interval = upper - lower + (2 / MSIS_ALPHA) * Math.max(0, lower - actual)
                + (2 / MSIS_ALPHA) * Math.max(0, actual - upper);
        s[0] += Math.abs(actual - forecast.quantile(0.5));
        s[1] += interval;
        s[2]++;
        s[3] = seasonalError;
    }

    /**
     * Scores one horizon path: the energy score and the CRPS of the total, from joint samples.
     *
     * @param samples joint sample paths of the forecast, as long as {@code actual}
     * @param actual  the observed path (fully observed; callers skip paths with gaps)
     */
    public void addPath(double[][] samples, double[] actual) {
        paths++;
        if (wants(Metric.Energy.class)) {
            energy += PathScores.energy(samples, actual);
            pathNorms += PathScores.norm(actual);
        }
        if (wants(Metric.CrpsLead.class)) {
            crpsLead += PathScores.crpsOfTotal(samples, actual);
            absTotals += Math.abs(PathScores.sum(actual));
        }
    }

    /** Whether any requested metric scores whole paths, so {@link #addPath} is worth calling. */
    public boolean scoresPaths() {
        return metrics.stream().anyMatch(Metric::overPaths);
    }

    private boolean wants(Class<? extends Metric> kind) {
        return metrics.stream().anyMatch(kind::isInstance);
    }

    /** The levels of wql, 0.1, ..., 0.9 (a copy): for scorers that keep their own sums, per series or per case. */
    public static double[] wqlLevels() {
        return WQL_LEVELS.clone();
    }

    /** 2·ρ_α(y − q): GluonTS's quantile loss. */
    public static double pinball2(double y, double q, double level) {
        double u = y - q;
        return 2 * u * (u < 0 ? level - 1 : level);
    }

    public long points() {
        return points;
    }

    /** The value of a metric over everything added (NaN when undefined, e.g. no points). */
    public double value(Metric m) {
        if (m instanceof Metric.Energy) {
            return paths == 0 ? Double.NaN : energy / pathNorms;
        } else if (m instanceof Metric.CrpsLead) {
            return paths == 0 ? Double.NaN : crpsLead / absTotals;
        }
        if (points == 0) {
            return Double.NaN;
        }
        if (m instanceof Metric.Wql) {
            double sum = 0;
            for (double ql : quantileLoss) {
                sum += ql / absTarget;
            }
            return sum / quantileLoss.length;
        } else if (m instanceof Metric.Crps) {
            return crps / absTarget;
        } else if (m instanceof Metric.Coverage c) {
            for (int i = 0; i < coverageLevels.length; i++) {
                if (coverageLevels[i] == c.level()) {
                    return coverageHits[i] / points;
                }
            }
            throw new IllegalArgumentException("coverage " + c.level() + " was not requested");
        } else if (m instanceof Metric.Mase) {
            return seriesMean(0);
        } else if (m instanceof Metric.Msis) {
            return seriesMean(1);
        }
        return (double) crossedRows / points;
    }

    /** Mean over series of (mean per-point score) / seasonal error; series with a zero scale are skipped. */
    private double seriesMean(int index) {
        double sum = 0;
        int n = 0;
        for (double[] s : perSeries.values()) {
            if (s[3] > 0) {
                sum += s[index] / s[2] / s[3];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
