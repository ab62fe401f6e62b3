package dev.qfl.stdlib.models.naive;

import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import java.util.Arrays;
import java.util.Optional;

/**
 * The historical errors a seasonal-naive forecast of one series would have made, turned into one
 * error distribution per lag multiple.
 *
 * <p>Step h is forecast from the value L = m·⌈h/m⌉ steps before it, so every step with the same
 * multiple k = ⌈h/m⌉ shares one error set, {y_t − y_{t−k·m}}, taken over every t where both points
 * were observed (filled-in values are the loader's guesses, not evidence about the errors).
 *
 * <p>Long lags leave few errors: a series of n points has n − k·m of them at multiple k. When a
 * multiple has fewer than {@link #MIN_OWN_ERRORS}, it borrows the errors of the nearest shorter
 * multiple k' that has enough (or else of the multiple up to k with the most errors) and stretches
 * them as a seasonal random walk would: its drift grows with the number of seasons and its spread
 * with their square root, so each borrowed error e becomes r·med + √r·(e − med), r = k/k', med the
 * median of the borrowed errors.
 */
final class SeasonalErrors {
    /** Errors a lag multiple needs before its own empirical distribution is trusted. */
    static final int MIN_OWN_ERRORS = 10;

    private SeasonalErrors() {
    }

    /** y_t − y_{t−lag} for every t whose two points were both observed, in time order. */
    static double[] at(TimeSeries series, int lag) {
        return at(series.values(), series.observed(), lag);
    }

    private static double[] at(double[] values, boolean[] observed, int lag) {
        double[] errors = new double[Math.max(0, values.length - lag)];
        int count = 0;
        for (int t = lag; t < values.length; t++) {
            if (observed[t] && observed[t - lag]) {
                errors[count++] = values[t] - values[t - lag];
            }
        }
        return Arrays.copyOf(errors, count);
    }

    /**
     * Error distributions for multiples k = 1..{@code multiples} (index k − 1), or empty when the
     * series has no two observed points one season apart (then no multiple has anything to borrow).
     */
    static Optional<EmpiricalQuantileFunction[]> distributions(TimeSeries series, int season, int multiples) {
        double[] values = series.values();
        boolean[] observed = series.observed();
        double[][] own = new double[multiples][];
        for (int k = 1; k <= multiples; k++) {
            own[k - 1] = at(values, observed, k * season);
        }
        if (own[0].length == 0) {
            return Optional.empty();
        }
        EmpiricalQuantileFunction[] result = new EmpiricalQuantileFunction[multiples];
        EmpiricalQuantileFunction[] plain = new EmpiricalQuantileFunction[multiples]; // built lazily
        for (int k = 1; k <= multiples; k++) {
            int donor = donor(own, k);
            if (plain[donor - 1] == null) {
                plain[donor - 1] = EmpiricalQuantileFunction.of(own[donor - 1]);
            }
            result[k - 1] = donor == k ? plain[k - 1] : stretched(plain[donor - 1], (double) k / donor);
        }
        return Optional.of(result);
    }

    /**
     * The multiple whose errors serve multiple k: k itself when it has enough, else the largest
     * shorter one with enough, else the one in 1..k with the most errors (the larger on ties).
     */
    static int donor(double[][] own, int k) {
        for (int j = k; j >= 1; j--) {
            if (own[j - 1].length >= MIN_OWN_ERRORS) {
                return j;
            }
        }
        int best = 1;
        for (int j = 2; j <= k; j++) {
            if (own[j - 1].length >= own[best - 1].length) {
                best = j;
            }
        }
        return best;
    }

    private static EmpiricalQuantileFunction stretched(EmpiricalQuantileFunction errors, double ratio) {
        double median = errors.quantile(0.5);
        double spread = Math.sqrt(ratio);
        double[] sample = errors.sortedSample();
        for (int i = 0; i < sample.length; i++) {
            sample[i] = ratio * median + spread * (sample[i] - median);
        }
        return EmpiricalQuantileFunction.of(sample);
    }
}
