package dev.qfl.stdlib.evaluation;

import java.util.Locale;

/**
 * A forecast-accuracy metric of a backtest. All are "lower is better" except coverage, which
 * should be close to its nominal level.
 */
public sealed interface Metric permits Metric.Wql, Metric.Crps, Metric.Coverage, Metric.Mase, Metric.Msis,
        Metric.Crossing, Metric.Energy, Metric.CrpsLead {

    /** Column name in the evaluation table, e.g. {@code coverage_0.8}. */
    String column();

    /**
     * GluonTS's mean weighted quantile loss: for levels 0.1..0.9, Σ 2·ρ_α(y − q_α) / Σ|y| over all
     * series, steps and windows (a ratio of sums), averaged over the nine levels.
     */
    record Wql() implements Metric {
        @Override
        public String column() {
            return "wql";
        }
    }

    /**
     * CRPS from the model's whole quantile function (closed form where the model has one), summed
     * and divided by Σ|y| like wql, so the two are directly comparable: wql is a nine-point
     * approximation of this integral.
     */
    record Crps() implements Metric {
        @Override
        public String column() {
            return "crps";
        }
    }

    /** Share of outcomes inside the central interval holding probability {@code level}. */
    record Coverage(double level) implements Metric {
        @Override
        public String column() {
            return "coverage_" + trim(level);
        }
    }

    /** Mean absolute error of the median over the in-sample seasonal-naive error, averaged over series. */
    record Mase() implements Metric {
        @Override
        public String column() {
            return "mase";
        }
    }

    /** Mean scaled interval score of the 95% interval (M4 definition, α = 0.05), averaged over series. */
    record Msis() implements Metric {
        @Override
        public String column() {
            return "msis";
        }
    }

    /** Share of forecast rows whose quantiles at 0.05, 0.10, ..., 0.95 are not non-decreasing. */
    record Crossing() implements Metric {
        @Override
        public String column() {
            return "crossing";
        }
    }

    /**
     * Energy score (β = 1) of the forecast's joint paths over the horizon against the observed path,
     * summed and divided by Σ‖y‖ (the outcome paths' Euclidean norms), so it is scale-free like crps.
     * Models without a joint distribution are scored by sampling their steps independently.
     */
    record Energy() implements Metric {
        @Override
        public String column() {
            return "energy";
        }
    }

    /**
     * CRPS of the horizon total (lead-time demand Σ_h y_h) from the joint paths, summed and divided by
     * Σ|Σ_h y_h|. Not GluonTS's CRPS-sum, which adds across series rather than across the horizon.
     */
    record CrpsLead() implements Metric {
        @Override
        public String column() {
            return "crps_lead";
        }
    }

    /** Whether the metric scores whole horizon paths (and so needs joint samples). */
    default boolean overPaths() {
        return this instanceof Energy || this instanceof CrpsLead;
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
