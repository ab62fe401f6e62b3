package dev.qfl.stdlib.models.local;

import java.util.random.RandomGenerator;

/**
 * One statistical model fitted to one series (ETS, ARIMA, theta, ...): what it predicts for the
 * steps after the series' last point, as a mean, an analytic variance where the model has one, and
 * sample paths drawn from the fitted model itself. The paths carry the model's dependence between
 * steps, so joint questions (totals over the horizon, correlations) can be answered from them.
 *
 * <p>Implementations are immutable and safe to share between threads; {@link #paths} draws only
 * from the generator it is given.
 */
public interface SeriesFit {

    /** The fitted form in the usual notation, e.g. {@code ETS(A,Ad,N)} or {@code ARIMA(1,1,1)(0,1,1)[12]}. */
    String label();

    /** Mean forecast of steps 1..{@code horizon} (index 0 is step 1). */
    double[] mean(int horizon);

    /**
     * Forecast variance of steps 1..{@code horizon}, or {@code null} when the model has no closed
     * form for it (the marginals then come from {@link #paths}).
     */
    double[] variance(int horizon);

    /** {@code count} joint sample paths of steps 1..{@code horizon}; {@code paths[i][h - 1]} is step h. */
    double[][] paths(int horizon, int count, RandomGenerator random);

    /**
     * This fit forecasting with the future covariates {@code series} has in {@code panel}, a what-if
     * panel ({@link dev.qfl.stdlib.data.Panel#isWhatIfOf}) of the one fitted. Only fits that read
     * covariates as regressors change; the others forecast as they are.
     */
    default SeriesFit withFutureOf(dev.qfl.stdlib.data.Panel panel, dev.qfl.stdlib.data.TimeSeries series, int horizon) {
        return this;
    }
}
