package dev.qfl.stdlib.models.arima;

/**
 * The outcome of estimating one spec: coefficients and information criteria, plus, for an exact
 * (maximum likelihood) fit, the Kalman filter's predicted state after the last observation.
 *
 * @param logLikelihood exact Gaussian log-likelihood of the differenced series (NaN for a CSS fit)
 * @param aic           -2 logLik + 2 (coefficients + 1); for a CSS fit n log σ² + 2 (coefficients + 1), as auto.arima
 * @param aicc          small-sample corrected AIC; infinite when the fit failed or has too few points
 * @param sigma2        innovation variance: residual sum of squares / (n - coefficients) for an exact fit, as
 *                      forecast::Arima reports and uses for intervals; the CSS mean square for a CSS fit
 * @param state         predicted ARMA state a_{n+1|n} (deviations from the constant), null for a CSS fit
 * @param admissible    all AR and MA roots at least 1.01 in modulus (auto.arima's rule)
 * @param parameters    the optimiser's unconstrained values behind the coefficients, so a CSS fit of the
 *                      approximate search can start its exact refit without being estimated again
 */
record ArimaEstimate(ArimaSpec spec, ArimaEstimator.Coefficients coefficients, double logLikelihood, double aic,
                     double aicc, double sigma2, double[] state, boolean admissible, double[] parameters) {

    /** The criterion auto.arima ranks by: AICc, infinite for inadmissible or failed fits. */
    double criterion() {
        return admissible && Double.isFinite(aicc) ? aicc : Double.POSITIVE_INFINITY;
    }
}
