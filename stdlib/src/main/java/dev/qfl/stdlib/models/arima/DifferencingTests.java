package dev.qfl.stdlib.models.arima;

/**
 * How many differences auto.arima takes: d by repeated KPSS level-stationarity tests at 5% (R's
 * {@code forecast::ndiffs}), D by the strength of the seasonal component (R's
 * {@code forecast::nsdiffs(test = "seas")}: difference when the strength exceeds 0.64).
 *
 * <p>R measures seasonal strength on an STL decomposition (loess smoothers). Here the
 * decomposition has the same shape with moving averages in place of loess: a centred moving
 * average of one season for the first trend, each cycle-subseries smoothed over 11 seasons (STL's
 * s.window = 11 in mstl), the seasonal level removed by a one-season moving average, and the trend
 * re-estimated on the deseasonalised series with STL's default trend span; two passes. The
 * strength is max(0, 1 - var(remainder) / var(seasonal + remainder)). The tests compare the
 * decision with R's on the fixture series.
 */
final class DifferencingTests {

    /** KPSS 5% critical value for level stationarity (Kwiatkowski et al. 1992, as urca). */
    static final double KPSS_CRITICAL_5 = 0.463;
    static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;
    private static final int SEASONAL_SPAN = 11;

    private DifferencingTests() {
    }

    /**
     * KPSS level statistic with a Bartlett-weighted long-run variance over trunc(3 √n / 13) lags
     * (the lag auto.arima passes to urca's ur.kpss).
     */
    static double kpss(double[] x) {
        int n = x.length;
        int lags = (int) (3 * Math.sqrt(n) / 13);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double partial = 0;
        double numerator = 0;
        double s2 = 0;
        for (double v : x) {
            double e = v - mean;
            partial += e;
            numerator += partial * partial;
            s2 += e * e;
        }
        numerator /= (double) n * n;
        s2 /= n;
        double longRun = s2;
        for (int l = 1; l <= lags; l++) {
            double cross = 0;
            for (int t = l; t < n; t++) {
                cross += (x[t] - mean) * (x[t - l] - mean);
            }
            longRun += 2.0 / n * (1 - l / (lags + 1.0)) * cross;
        }
        return numerator / longRun;
    }

    /** Number of first differences (at most {@code maxD}) after which KPSS no longer rejects at 5%. */
    static int ndiffs(double[] x, int maxD) {
        if (Differencing.isConstant(x)) {
            return 0;
        }
        int d = 0;
        double[] current = x;
        boolean difference = kpss(current) > KPSS_CRITICAL_5;
        while (difference && d < maxD) {
            d++;
            current = Differencing.lagDifference(current, 1);
            if (Differencing.isConstant(current)) {
                return d;
            }
            difference = kpss(current) > KPSS_CRITICAL_5;
        }
        return d;
    }

    /** Number of seasonal differences (at most {@code maxD}): one while the seasonal strength exceeds 0.64. */
    static int nsdiffs(double[] x, int season, int maxD) {
        if (season <= 1 || Differencing.isConstant(x) || season >= x.length) {
            return 0;
        }
        int seasonalD = 0;
        double[] current = x;
        boolean difference = seasonalStrength(current, season) > SEASONAL_STRENGTH_THRESHOLD;
        while (difference && seasonalD < maxD) {
            seasonalD++;
            current = Differencing.lagDifference(current, season);
            if (Differencing.isConstant(current)) {
                return seasonalD;
            }
            difference = current.length >= 2 * season && seasonalD < maxD
                    && seasonalStrength(current, season) > SEASONAL_STRENGTH_THRESHOLD;
        }
        return seasonalD;
    }

    /** Strength of the seasonal component in [0, 1] from the moving-average decomposition above. */
    static double seasonalStrength(double[] x, int season) {
        int n = x.length;
        double[] trend = centredMovingAverage(x, season);
        double[] seasonal = new double[n];
        double[] work = new double[n];
        int trendSpan = nextOdd(Math.ceil(1.5 * season / (1 - 1.5 / SEASONAL_SPAN)));
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < n; t++) {
                work[t] = x[t] - trend[t];
            }
            double[] raw = cycleSubseriesSmooth(work, season);
            double[] level = centredMovingAverage(raw, season);
            for (int t = 0; t < n; t++) {
                seasonal[t] = raw[t] - level[t];
                work[t] = x[t] - seasonal[t];
            }
            trend = movingAverage(work, trendSpan);
        }
        double[] remainder = new double[n];
        double[] withSeason = new double[n];
        for (int t = 0; t < n; t++) {
            remainder[t] = x[t] - seasonal[t] - trend[t];
            withSeason[t] = remainder[t] + seasonal[t];
        }
        double total = variance(withSeason);
        if (!(total > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - variance(remainder) / total));
    }

    /** Each phase's values smoothed by a moving average over the nearest 11 seasons (fewer at the ends). */
    private static double[] cycleSubseriesSmooth(double[] x, int season) {
        int n = x.length;
        double[] out = new double[n];
        int half = SEASONAL_SPAN / 2;
        for (int phase = 0; phase < season && phase < n; phase++) {
            int count = (n - 1 - phase) / season + 1;
            for (int k = 0; k < count; k++) {
                int from = Math.max(0, Math.min(k - half, count - SEASONAL_SPAN));
                int to = Math.min(count - 1, from + SEASONAL_SPAN - 1);
                double sum = 0;
                for (int j = from; j <= to; j++) {
                    sum += x[phase + j * season];
                }
                out[phase + k * season] = sum / (to - from + 1);
            }
        }
        return out;
    }

    /** Centred moving average over one season (2×m for even m), the window shrinking symmetrically at the ends. */
    static double[] centredMovingAverage(double[] x, int season) {
        if (season % 2 == 1) {
            return movingAverage(x, season);
        }
        int n = x.length;
        int half = season / 2;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int reach = Math.min(half, Math.min(t, n - 1 - t));
            if (reach < half) {
                out[t] = average(x, t - reach, t + reach);
                continue;
            }
            double sum = 0.5 * (x[t - half] + x[t + half]);
            for (int j = t - half + 1; j <= t + half - 1; j++) {
                sum += x[j];
            }
            out[t] = sum / season;
        }
        return out;
    }

    /** Centred moving average of odd span, shrinking symmetrically at the ends. */
    private static double[] movingAverage(double[] x, int span) {
        int n = x.length;
        int half = span / 2;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int reach = Math.min(half, Math.min(t, n - 1 - t));
            out[t] = average(x, t - reach, t + reach);
        }
        return out;
    }

    private static double average(double[] x, int from, int to) {
        double sum = 0;
        for (int j = from; j <= to; j++) {
            sum += x[j];
        }
        return sum / (to - from + 1);
    }

    private static int nextOdd(double value) {
        int v = (int) Math.round(value);
        return v % 2 == 0 ? v + 1 : v;
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (x.length - 1);
    }
}
