package dev.qfl.stdlib.models.theta;

/**
 * Classical seasonal decomposition as the theta method uses it: a test for seasonality, the
 * seasonal component of the sample, and its continuation over the horizon.
 *
 * @param type     {@link ThetaOptions#MULTIPLICATIVE}, {@link ThetaOptions#ADDITIVE} or {@link ThetaOptions#NONE}
 * @param inSample seasonal component at each sample point (empty for none)
 * @param ahead    seasonal component of the m steps after the sample; step h uses {@code ahead[(h-1) % m]}
 */
record SeasonalAdjustment(String type, double[] inSample, double[] ahead) {

    /** The 90% one-sided normal quantile of the autocorrelation test (forecast::thetaf, statsforecast). */
    private static final double SEASONALITY_CRITICAL = 1.6448536269514722;

    static SeasonalAdjustment none() {
        return new SeasonalAdjustment(ThetaOptions.NONE, new double[0], new double[0]);
    }

    boolean adjusts() {
        return !type.equals(ThetaOptions.NONE);
    }

    boolean multiplicative() {
        return type.equals(ThetaOptions.MULTIPLICATIVE);
    }

    /** The seasonally adjusted series. */
    double[] adjust(double[] y) {
        if (!adjusts()) {
            return y;
        }
        double[] out = new double[y.length];
        boolean times = multiplicative();
        for (int t = 0; t < y.length; t++) {
            out[t] = times ? y[t] / inSample[t] : y[t] - inSample[t];
        }
        return out;
    }

    /** The seasonal component at forecast step {@code step} (1-based): the one of a full season earlier. */
    double aheadAt(int step) {
        return ahead[(step - 1) % ahead.length];
    }

    /**
     * Whether the lag-m autocorrelation is significant at 90%, one-sided, against the Bartlett
     * standard error sqrt((1 + 2·Σ_{k<m} r_k²)/n) (the test of forecast::thetaf and statsforecast).
     * False for a series with no variance.
     */
    static boolean isSeasonal(double[] y, int m) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        if (!(c0 > 0)) {
            return false;
        }
        double sumSquares = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double ck = 0;
            for (int t = 0; t + k < n; t++) {
                ck += (y[t] - mean) * (y[t + k] - mean);
            }
            double r = ck / c0;
            if (k < m) {
                sumSquares += r * r;
            } else {
                rm = r;
            }
        }
        double standardError = Math.sqrt((1 + 2 * sumSquares) / n);
        return Math.abs(rm) / standardError > SEASONALITY_CRITICAL;
    }

    /**
     * Classical decomposition (R's {@code decompose}, statsmodels' {@code seasonal_decompose}): a
     * centred moving average of length m (2×m for even m) as the trend, the ratio (or difference)
     * of the data to it averaged per position in the season, normalised to mean 1 (or 0).
     * Needs n ≥ 2m so that every position has a detrended value.
     */
    static SeasonalAdjustment classical(double[] y, int m, boolean multiplicative) {
        int n = y.length;
        int half = m / 2;
        double[] positionSum = new double[m];
        int[] positionCount = new int[m];
        for (int t = half; t < n - half; t++) {
            double trend = centredAverage(y, t, m);
            double detrended = multiplicative ? y[t] / trend : y[t] - trend;
            positionSum[t % m] += detrended;
            positionCount[t % m]++;
        }
        double[] figure = new double[m];
        double average = 0;
        for (int i = 0; i < m; i++) {
            figure[i] = positionSum[i] / positionCount[i];
            average += figure[i] / m;
        }
        for (int i = 0; i < m; i++) {
            figure[i] = multiplicative ? figure[i] / average : figure[i] - average;
        }
        double[] inSample = new double[n];
        for (int t = 0; t < n; t++) {
            inSample[t] = figure[t % m];
        }
        double[] ahead = new double[m];
        for (int h = 1; h <= m; h++) {
            ahead[h - 1] = figure[(n - 1 + h) % m];
        }
        return new SeasonalAdjustment(multiplicative ? ThetaOptions.MULTIPLICATIVE : ThetaOptions.ADDITIVE, inSample, ahead);
    }

    /** Centred moving average at t: m points for odd m; for even m, m+1 points with half weight at both ends. */
    private static double centredAverage(double[] y, int t, int m) {
        int half = m / 2;
        double sum = 0;
        if (m % 2 == 1) {
            for (int j = t - half; j <= t + half; j++) {
                sum += y[j];
            }
        } else {
            sum = 0.5 * (y[t - half] + y[t + half]);
            for (int j = t - half + 1; j < t + half; j++) {
                sum += y[j];
            }
        }
        return sum / m;
    }

    /** The smallest seasonal index (for the multiplicative-to-additive switch). */
    double smallestIndex() {
        double min = Double.POSITIVE_INFINITY;
        for (double v : ahead) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** The smallest absolute seasonal index. */
    double smallestAbsoluteIndex() {
        double min = Double.POSITIVE_INFINITY;
        for (double v : ahead) {
            min = Math.min(min, Math.abs(v));
        }
        return min;
    }
}
