package dev.qfl.stdlib.models.arima;

/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)[m] fitted by exact Gaussian likelihood, with automatic order
 * selection as R's {@code forecast::auto.arima} (see {@link ArimaOptions}).
 *
 * <p>The model: the differenced series w = (1-B)^d (1-B^m)^D y is a constant plus a stationary,
 * invertible ARMA process φ(B)Φ(B^m)(w_t - c) = θ(B)Θ(B^m)ε_t, ε ~ N(0, σ²). The constant is the
 * mean when d + D = 0 and comes from a linear drift when d + D = 1 (c = drift, or m·drift after a
 * seasonal difference); there is none when d + D >= 2.
 *
 * <p>Special cases: a constant series gets ARIMA(0,0,0) with its value as the mean and a tiny
 * positive variance ((1e-6 · max(1, |value|))²), as does any model whose differenced series is
 * constant (its forecasts follow the differencing exactly, with that tiny variance).
 */
public final class Arima {

    private Arima() {
    }

    /**
     * Fits a model to {@code y} (oldest first, no missing values) with season length
     * {@code season} (1 = non-seasonal).
     *
     * @throws IllegalArgumentException when the series is empty or not finite, or a given order
     *                                  cannot be estimated on this series (too short for it)
     */
    public static ArimaFit fit(double[] y, int season, ArimaOptions options) {
        checkSeries(y);
        if (season < 1) {
            throw new IllegalArgumentException("arima's season must be at least 1, got " + season);
        }
        ArimaOptions chosen = options == null ? ArimaOptions.defaults() : options;
        if (chosen.order() != null) {
            return fitFixed(y, season, chosen);
        }
        if (Differencing.isConstant(y)) {
            return constantFallback(y, season, 0, 0, true);
        }
        int[] seasonal = chosen.seasonalOrder();
        int seasonalD;
        if (season == 1) {
            seasonalD = 0;
            seasonal = null;
        } else if (seasonal != null) {
            seasonalD = seasonal[1];
        } else if (y.length <= 2 * season) {
            seasonalD = 0;
        } else {
            seasonalD = DifferencingTests.nsdiffs(y, season, chosen.maxSeasonalD());
        }
        double[] dx = Differencing.difference(y, 0, seasonalD, season);
        if (dx.length == 0) {
            throw new IllegalArgumentException("arima needs more than " + seasonalD * season + " points for "
                    + seasonalD + " seasonal difference(s) with season " + season + "; the series has " + y.length);
        }
        int d = DifferencingTests.ndiffs(dx, chosen.maxD());
        while (d > 0 && Differencing.difference(dx, d, 0, 1).length == 0) {
            d--;
        }
        double[] w = Differencing.difference(dx, d, 0, 1);
        if (Differencing.isConstant(w)) {
            return constantFallback(y, season, d, seasonalD, d + seasonalD <= 1);
        }
        return AutoArima.search(y, season, d, seasonalD, seasonal, chosen);
    }

    private static ArimaFit fitFixed(double[] y, int season, ArimaOptions options) {
        int[] order = options.order();
        int[] seasonal = options.seasonalOrder() == null ? new int[3] : options.seasonalOrder();
        int m = season;
        int d = order[1];
        int seasonalD = m > 1 ? seasonal[1] : 0;
        boolean constantAllowed = d + seasonalD <= 1;
        boolean constant = options.constant() != null ? options.constant() : constantAllowed;
        ArimaSpec spec = new ArimaSpec(order[0], d, order[2], seasonal[0], seasonalD, seasonal[2], m, constant);
        int loss = spec.differencingLoss();
        int needed = loss + Math.max(spec.arDegree(), spec.coefficientCount()) + 1;
        if (y.length < needed) {
            throw new IllegalArgumentException(spec.label() + " needs at least " + needed
                    + " points (" + loss + " lost to differencing); the series has " + y.length);
        }
        double[] w = Differencing.difference(y, spec.d(), spec.seasonalD(), m);
        if (Differencing.isConstant(w)) {
            return constantFallback(y, m, d, seasonalD, constant);
        }
        ArimaEstimate estimate = ArimaEstimator.estimate(y, spec, true);
        if (!Double.isFinite(estimate.logLikelihood())) {
            throw new IllegalArgumentException(spec.label() + " could not be estimated on this series");
        }
        return new ArimaFit(estimate, y);
    }

    /** ARIMA(0,d,0)(0,D,0) with no constant: nothing to estimate but σ². */
    static ArimaFit differencingOnly(double[] y, int season, int d, int seasonalD) {
        ArimaSpec spec = new ArimaSpec(0, d, 0, 0, seasonalD, 0, season, false);
        ArimaEstimate estimate = ArimaEstimator.estimate(y, spec, true);
        if (!Double.isFinite(estimate.logLikelihood()) || !(estimate.sigma2() > 0)) {
            return constantFallback(y, season, d, seasonalD, false);
        }
        return new ArimaFit(estimate, y);
    }

    /**
     * The model for a series whose differenced values are all equal: those values become the
     * constant (when allowed), σ² is tiny but positive so intervals and paths stay finite.
     */
    private static ArimaFit constantFallback(double[] y, int season, int d, int seasonalD, boolean withConstant) {
        double[] w = Differencing.difference(y, d, seasonalD, season);
        ArimaSpec spec = new ArimaSpec(0, d, 0, 0, seasonalD, 0, season, withConstant && w.length > 0);
        double level = w.length > 0 ? w[0] : 0;
        double scale = 0;
        for (double v : y) {
            scale = Math.max(scale, Math.abs(v));
        }
        double sigma2 = Math.pow(1e-6 * Math.max(1, scale), 2);
        ArimaEstimator.Coefficients c = new ArimaEstimator.Coefficients(new double[0], new double[0], new double[0],
                new double[0], spec.constant() ? level : 0, new double[0], new double[0]);
        return new ArimaFit(spec, c, Double.NaN, Double.NaN, Double.NaN, sigma2, null, y);
    }

    private static void checkSeries(double[] y) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("arima needs a non-empty series");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("arima needs finite values; the series has " + v);
            }
        }
    }
}
