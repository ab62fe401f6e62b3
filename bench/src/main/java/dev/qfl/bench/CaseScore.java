package dev.qfl.bench;

import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.evaluation.Scorecard;
import dev.qfl.stdlib.forecast.SeriesForecast;

/**
 * The scores of one case (one series in one backtest window), defined as in the development set's
 * README so the figures compare directly with its peers:
 * wQL = Σ_τ Σ_t 2·ρ_τ(y_t − q_τ,t) / (9·Σ_t |y_t|) over τ = 0.1, ..., 0.9; cov80 = share of the
 * actuals inside [q_0.1, q_0.9]; MASE = mean |y_t − q_0.5,t| over the training part's in-sample
 * seasonal-naive mean absolute error.
 *
 * @param panel   panel name
 * @param model   model name
 * @param id      series id
 * @param window  1 = the last window (the holdout), 2 = the one before, ...
 * @param wql     weighted quantile loss
 * @param cov80   coverage of the central 80% interval
 * @param mase    mean absolute scaled error of the median
 */
record CaseScore(String panel, String model, String id, int window, double wql, double cov80, double mase) {

    static final double[] LEVELS = Scorecard.wqlLevels();

    static CaseScore of(String panel, String model, int window, SeriesForecast forecast, double[] actual, double scale) {
        int steps = Math.min(forecast.horizon(), actual.length);
        double[][] quantiles = new double[steps][];
        for (int h = 1; h <= steps; h++) {
            QuantileFunction q = forecast.step(h);
            quantiles[h - 1] = new double[LEVELS.length];
            q.quantiles(LEVELS, quantiles[h - 1]);
        }
        return of(panel, model, forecast.id(), window, quantiles, actual, scale);
    }

    /**
     * @param quantiles per step, the quantiles at {@link #LEVELS} (taken as given, never sorted)
     * @param actual    the outcomes; NaN (unobserved) steps are left out
     * @param scale     the MASE denominator
     */
    static CaseScore of(String panel, String model, String id, int window, double[][] quantiles, double[] actual,
                        double scale) {
        double loss = 0;
        double absolute = 0;
        double inside = 0;
        double error = 0;
        int count = 0;
        for (int h = 0; h < quantiles.length; h++) {
            double y = actual[h];
            if (Double.isNaN(y)) {
                continue;
            }
            double[] q = quantiles[h];
            for (int i = 0; i < LEVELS.length; i++) {
                loss += Scorecard.pinball2(y, q[i], LEVELS[i]);
            }
            absolute += Math.abs(y);
            inside += q[0] <= y && y <= q[LEVELS.length - 1] ? 1 : 0;
            error += Math.abs(y - q[4]);
            count++;
        }
        return new CaseScore(panel, model, id, window, loss / (LEVELS.length * absolute), inside / count,
                error / count / scale);
    }
}
