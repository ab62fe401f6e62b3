package dev.qfl.stdlib.models.ets;

/**
 * The ETS recursions run over a series: one-step forecasts, errors and state updates.
 *
 * <p>States are laid out "next first": {@code [level, trend?, s_0 .. s_{m-1}]} where {@code s_k} is the
 * seasonal term used {@code k + 1} steps after the state's time. For the additive/multiplicative trend
 * and season types used here the update equations, written in terms of the observation, are the same
 * whatever the error type; the error type only changes what counts as the error (absolute or relative)
 * and the likelihood.
 */
final class EtsFilter {

    /** Guards against division by a vanishing seasonal or level, as R's implementation does. */
    private static final double TINY = 1e-10;
    private static final double HUGE = 1e10;
    /** Perfect fits would give a log-likelihood of +infinity; cap the criterion as R does. */
    static final double CRITERION_FLOOR = -1e10;
    private static final double LN2 = Math.log(2.0);

    private EtsFilter() {
    }

    /**
     * Runs the model over {@code y} from {@code initial} and returns R's criterion
     * {@code n log(sum e^2) + 2 sum log|yhat|} (the last sum for multiplicative error only), i.e. minus
     * twice the log-likelihood without its constant. NaN becomes +infinity.
     *
     * @param seasonWork scratch of length m (unused when non-seasonal); overwritten
     * @param residuals  if not null, receives the errors (relative errors for multiplicative error)
     * @param finalState if not null, receives the state after the last observation (same layout)
     */
    static double run(EtsSpec spec, int m, double alpha, double beta, double gamma, double phi,
                      double[] initial, double[] y, double[] seasonWork, double[] residuals, double[] finalState) {
        final boolean trend = spec.trend();
        final boolean additiveSeason = spec.season() == EtsSpec.Season.ADDITIVE;
        final boolean multiplicativeSeason = spec.season() == EtsSpec.Season.MULTIPLICATIVE;
        final boolean seasonal = additiveSeason || multiplicativeSeason;
        final boolean multiplicativeError = spec.multiplicativeError();
        final double phiUsed = spec.damped() ? phi : 1.0;
        final double betaOverAlpha = trend ? beta / alpha : 0.0;
        final int seasonStart = trend ? 2 : 1;
        if (seasonal) {
            System.arraycopy(initial, seasonStart, seasonWork, 0, m);
        }
        double level = initial[0];
        double slope = trend ? initial[1] : 0.0;
        double sumSquares = 0.0;
        // sum log|yhat| kept as mantissa * 2^exponent: one log at the end instead of one per step.
        double forecastProduct = 1.0;
        long forecastExponent = 0;
        int slot = 0;
        final int n = y.length;
        for (int t = 0; t < n; t++) {
            final double season = seasonal ? seasonWork[slot] : 0.0;
            final double dampedSlope = phiUsed * slope;
            final double base = level + dampedSlope;
            final double forecast = additiveSeason ? base + season : (multiplicativeSeason ? base * season : base);
            final double obs = y[t];
            final double error = multiplicativeError ? (obs - forecast) / forecast : obs - forecast;
            if (residuals != null) {
                residuals[t] = error;
            }
            sumSquares += error * error;
            if (multiplicativeError) {
                forecastProduct *= Math.abs(forecast);
                final int exponent = Math.getExponent(forecastProduct);
                if (exponent > 64 || exponent < -64) {
                    forecastProduct = Math.scalb(forecastProduct, -exponent);
                    forecastExponent += exponent;
                }
            }
            final double adjusted;
            if (additiveSeason) {
                adjusted = obs - season;
            } else if (multiplicativeSeason) {
                adjusted = Math.abs(season) < TINY ? HUGE : obs / season;
            } else {
                adjusted = obs;
            }
            final double newLevel = base + alpha * (adjusted - base);
            if (trend) {
                slope = dampedSlope + betaOverAlpha * (newLevel - level - dampedSlope);
            }
            if (seasonal) {
                final double detrended;
                if (additiveSeason) {
                    detrended = obs - base;
                } else {
                    detrended = Math.abs(base) < TINY ? HUGE : obs / base;
                }
                seasonWork[slot] = season + gamma * (detrended - season);
                slot = slot + 1 == m ? 0 : slot + 1;
            }
            level = newLevel;
        }
        if (finalState != null) {
            finalState[0] = level;
            if (trend) {
                finalState[1] = slope;
            }
            if (seasonal) {
                for (int k = 0; k < m; k++) {
                    finalState[seasonStart + k] = seasonWork[(slot + k) % m];
                }
            }
        }
        double criterion = n * Math.log(sumSquares);
        if (multiplicativeError) {
            criterion += 2.0 * (Math.log(forecastProduct) + forecastExponent * LN2);
        }
        if (Double.isNaN(criterion)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(criterion, CRITERION_FLOOR);
    }

    /** Sum of squared errors, e.g. of the residuals {@link #run} wrote. */
    static double sumOfSquares(double[] errors) {
        double sum = 0.0;
        for (double e : errors) {
            sum += e * e;
        }
        return sum;
    }
}
