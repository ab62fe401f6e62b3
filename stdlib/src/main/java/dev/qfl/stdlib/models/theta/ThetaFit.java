package dev.qfl.stdlib.models.theta;

import dev.qfl.stdlib.models.local.SeriesFit;
import java.util.random.RandomGenerator;

/**
 * A theta model fitted to one series by {@link Theta#fit}: the chosen variant and its parameters,
 * and its forecasts with the seasonal component put back. Multiplicative seasonality scales the
 * mean and each path by the season's index (so the variance by its square); additive shifts them.
 * Immutable and thread-safe.
 */
public final class ThetaFit implements SeriesFit {

    private final ThetaModel model;
    private final SeasonalAdjustment adjustment;

    ThetaFit(ThetaModel model, SeasonalAdjustment adjustment) {
        this.model = model;
        this.adjustment = adjustment;
    }

    /** The documented fallback for a constant series: a flat forecast at {@code value}, zero variance. */
    static ThetaFit constant(double value) {
        // With A = value, B = 0 and ℓ0 = value/2 the standard model's errors are exactly zero and its
        // forecast is value; the state is written down directly rather than estimated (α is not identified).
        ThetaModel.State state = new ThetaModel.State(0, value / 2, value, value, 0);
        ThetaModel flat = new ThetaModel(ThetaVariant.STM, 0.5, 2.0, value / 2, 0, 0, state);
        return new ThetaFit(flat, SeasonalAdjustment.none());
    }

    @Override
    public String label() {
        return "Theta(" + model.variant() + ")";
    }

    /** The variant fitted (under "auto", the one with the smallest in-sample MSE). */
    public ThetaVariant variant() {
        return model.variant();
    }

    /** Smoothing weight α of the level. */
    public double alpha() {
        return model.alpha();
    }

    /** θ: 2 for STM and DSTM, estimated (≥ 1) for OTM and DOTM. */
    public double theta() {
        return model.theta();
    }

    /** ℓ0, the level before the first observation (on the seasonally adjusted scale). */
    public double initialLevel() {
        return model.initialLevel();
    }

    /**
     * In-sample mean squared one-step error on the seasonally adjusted scale: after the 3-point
     * burn-in for estimation "model"; of simple exponential smoothing over all points for "ses".
     */
    public double mse() {
        return model.mse();
    }

    /** Error variance σ² of the forecasts (adjusted scale): the squared errors over their count less the parameters. */
    public double sigma2() {
        return model.sigma2();
    }

    /** The seasonal adjustment used: "multiplicative", "additive" or "none". */
    public String decomposition() {
        return adjustment.type();
    }

    /** The seasonal component of steps 1..m after the sample (empty when not adjusted). */
    public double[] seasonalAhead() {
        return adjustment.ahead().clone();
    }

    @Override
    public double[] mean(int horizon) {
        checkHorizon(horizon);
        double[] mean = model.mean(horizon);
        putSeasonBack(mean);
        return mean;
    }

    @Override
    public double[] variance(int horizon) {
        checkHorizon(horizon);
        double[] variance = model.variance(horizon);
        if (adjustment.multiplicative()) {
            for (int j = 0; j < horizon; j++) {
                double s = adjustment.aheadAt(j + 1);
                variance[j] *= s * s;
            }
        }
        return variance;
    }

    @Override
    public double[][] paths(int horizon, int count, RandomGenerator random) {
        checkHorizon(horizon);
        if (count < 1) {
            throw new IllegalArgumentException("theta needs at least 1 path; got " + count);
        }
        double[][] paths = model.paths(horizon, count, random);
        for (double[] path : paths) {
            putSeasonBack(path);
        }
        return paths;
    }

    /** Scales (multiplicative) or shifts (additive) forecast steps 1..length by their seasonal component, in place. */
    private void putSeasonBack(double[] steps) {
        if (!adjustment.adjusts()) {
            return;
        }
        boolean times = adjustment.multiplicative();
        for (int j = 0; j < steps.length; j++) {
            double s = adjustment.aheadAt(j + 1);
            steps[j] = times ? steps[j] * s : steps[j] + s;
        }
    }

    /** The fitted model on the adjusted scale (for tests). */
    ThetaModel model() {
        return model;
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("theta needs a forecast horizon of at least 1; got " + horizon);
        }
    }

    @Override
    public String toString() {
        return label() + "[alpha=" + model.alpha() + ", theta=" + model.theta() + ", l0=" + model.initialLevel()
                + ", mse=" + model.mse() + ", decomposition=" + adjustment.type() + "]";
    }
}
