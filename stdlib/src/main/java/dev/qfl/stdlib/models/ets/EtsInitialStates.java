package dev.qfl.stdlib.models.ets;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Starting values of the states, by the heuristic of Hyndman et al. (2008) as R's {@code ets} applies
 * it: seasonal indices from a classical decomposition of the series (or, with fewer than three seasons,
 * from a regression on a line and one Fourier pair), then level and slope from a line through the
 * first {@code max(10, 2m)} seasonally adjusted values. The optimiser refines all of them.
 */
final class EtsInitialStates {

    /** Multiplicative seasonal indices are kept at or above this so dividing by them stays safe. */
    private static final double MIN_INDEX = 0.01;

    private EtsInitialStates() {
    }

    /** Initial state in the {@link EtsFilter} layout; the first seasonal term is still to be set by the caller's constraint. */
    static double[] of(double[] y, int m, boolean trend, EtsSpec.Season season) {
        final int n = y.length;
        final boolean seasonal = season != EtsSpec.Season.NONE;
        final boolean multiplicative = season == EtsSpec.Season.MULTIPLICATIVE;
        final int seasonStart = trend ? 2 : 1;
        final double[] state = new double[seasonStart + (seasonal ? m : 0)];
        double[] adjusted = y;
        if (seasonal) {
            final double[] indices = n < 3 * m ? fourierIndices(y, m, multiplicative) : decomposeIndices(y, m, multiplicative);
            // indices[t] is the seasonal term of observation t; the first m are the starting seasonal states.
            final double[] first = new double[m];
            System.arraycopy(indices, 0, first, 0, m);
            if (multiplicative) {
                double sumFree = 0.0;
                for (int k = 1; k < m; k++) {
                    first[k] = Math.max(first[k], MIN_INDEX);
                    sumFree += first[k];
                }
                if (sumFree > m) {
                    for (int k = 1; k < m; k++) {
                        first[k] /= sumFree + MIN_INDEX * (m - 1);
                    }
                }
            }
            System.arraycopy(first, 0, state, seasonStart, m);
            adjusted = new double[n];
            for (int t = 0; t < n; t++) {
                adjusted[t] = multiplicative ? y[t] / Math.max(indices[t], MIN_INDEX) : y[t] - indices[t];
            }
        }
        final int head = Math.min(Math.max(10, 2 * (seasonal ? m : 1)), n);
        if (!trend) {
            double sum = 0.0;
            for (int t = 0; t < head; t++) {
                sum += adjusted[t];
            }
            state[0] = sum / head;
        } else {
            final SimpleRegression line = new SimpleRegression(true);
            for (int t = 0; t < head; t++) {
                line.addData(t + 1, adjusted[t]);
            }
            double level = line.getIntercept();
            double slope = line.getSlope();
            if (Double.isNaN(slope)) {
                slope = 0.0;
                level = adjusted[0];
            }
            // A level plus slope of exactly zero would make the first relative error undefined.
            if (Math.abs(level + slope) < 1e-8) {
                level *= 1.001;
                slope *= 0.999;
            }
            state[0] = level;
            state[1] = slope;
        }
        return state;
    }

    /** Seasonal term of every observation from a classical (moving-average) decomposition. */
    static double[] decomposeIndices(double[] y, int m, boolean multiplicative) {
        final int n = y.length;
        final int half = m / 2;
        final double[] sums = new double[m];
        final int[] counts = new int[m];
        for (int t = half; t < n - half; t++) {
            double trend = 0.0;
            if (m % 2 == 0) {
                trend = 0.5 * (y[t - half] + y[t + half]);
                for (int k = t - half + 1; k < t + half; k++) {
                    trend += y[k];
                }
            } else {
                for (int k = t - half; k <= t + half; k++) {
                    trend += y[k];
                }
            }
            trend /= m;
            sums[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
            counts[t % m]++;
        }
        final double[] figure = new double[m];
        double total = 0.0;
        for (int k = 0; k < m; k++) {
            figure[k] = sums[k] / counts[k];
            total += figure[k];
        }
        final double centre = total / m;
        for (int k = 0; k < m; k++) {
            figure[k] = multiplicative ? figure[k] / centre : figure[k] - centre;
        }
        final double[] indices = new double[n];
        for (int t = 0; t < n; t++) {
            indices[t] = figure[t % m];
        }
        return indices;
    }

    /**
     * With fewer than three seasons a moving average leaves too little: detrend by a regression on a
     * line and the first Fourier pair, and take what is left as the seasonal term of each observation.
     */
    static double[] fourierIndices(double[] y, int m, boolean multiplicative) {
        final int n = y.length;
        final boolean withSine = m > 2; // for m = 2 the sine column is identically zero
        final double[][] x = new double[n][withSine ? 3 : 2];
        for (int t = 0; t < n; t++) {
            final double angle = 2.0 * Math.PI * (t + 1) / m;
            x[t][0] = t + 1;
            x[t][1] = Math.cos(angle);
            if (withSine) {
                x[t][2] = Math.sin(angle);
            }
        }
        final OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.newSampleData(y.clone(), x);
        final double[] beta = regression.estimateRegressionParameters();
        final double[] indices = new double[n];
        for (int t = 0; t < n; t++) {
            final double line = beta[0] + beta[1] * (t + 1);
            indices[t] = multiplicative ? y[t] / line : y[t] - line;
        }
        return indices;
    }
}
