package dev.qfl.stdlib.models.theta;

import java.util.Arrays;

/**
 * The theta method family (Fiorucci et al. 2016) as statsforecast's AutoTheta fits it: seasonal
 * adjustment when a test finds seasonality, then the standard, optimised, dynamic standard or
 * dynamic optimised theta model, or all four with the smallest in-sample MSE kept.
 *
 * <p>Steps of {@link #fit}:
 * <ol>
 *   <li>Seasonality: when m &gt; 1, n ≥ 2m (n &gt; 2m for estimation "ses", as thetaf) and the
 *       decomposition is not "none", the lag-m autocorrelation is tested at 90%; if significant,
 *       the series is divided by (or, additive, reduced by) its classical seasonal indices, which
 *       are put back on the mean, variance and paths. Multiplicative becomes additive for data with
 *       a value ≤ 0 or an index below 0.01 (with estimation "ses", as thetaf: an index below 1e-4
 *       in absolute value cancels the adjustment instead).</li>
 *   <li>Model: each candidate variant is fitted by least squares of its one-step errors (see
 *       {@link ThetaOptions#estimation()}); under "auto" the smallest MSE wins, ties going to the
 *       simpler model (order STM, OTM, DSTM, DOTM).</li>
 * </ol>
 *
 * <p>Fallbacks: a constant series gets a flat forecast at its value with zero variance (labelled
 * STM, α = 0.5, θ = 2); series of fewer than 4 points are rejected, as the criterion skips the first
 * 3 errors. Auto selection only compares variants that leave more counted errors than parameters
 * (all four from 7 points, STM and DSTM from 6, STM alone below); a variant fitted with no error
 * degrees of freedom left takes the mean squared first difference of the series as its σ².
 */
public final class Theta {

    /** Fewest points: the burn-in of 3 errors plus one counted error. */
    public static final int MINIMUM_LENGTH = ThetaEstimator.BURN_IN + 1;
    /** Below this a multiplicative index would inflate the adjusted series (statsforecast's switch to additive). */
    private static final double SMALLEST_MULTIPLICATIVE_INDEX = 0.01;
    /** forecast::thetaf's threshold for unusable seasonal indices. */
    private static final double THETAF_SMALLEST_INDEX = 1e-4;

    private Theta() {
    }

    /**
     * Fits the theta method to one series.
     *
     * @param y       the complete series, oldest first (no NaN)
     * @param season  the season length m (1 for none)
     * @param options variant, decomposition and estimation; null means {@link ThetaOptions#defaults()}
     * @throws IllegalArgumentException for fewer than 4 points, non-finite values or a season below 1
     */
    public static ThetaFit fit(double[] y, int season, ThetaOptions options) {
        ThetaOptions opts = options == null ? ThetaOptions.defaults() : options;
        validate(y, season);
        if (isConstant(y)) {
            return ThetaFit.constant(y[0]);
        }
        boolean ses = opts.estimation().equals(ThetaOptions.SES);
        SeasonalAdjustment adjustment = seasonalAdjustment(y, season, opts.decomposition(), ses);
        double[] adjusted = adjustment.adjust(y);
        if (ses) {
            return new ThetaFit(ThetaEstimator.fitSes(adjusted), adjustment);
        }
        ThetaVariant requested = opts.requestedVariant();
        ThetaVariant[] candidates = requested == null ? candidates(adjusted.length) : new ThetaVariant[] {requested};
        ThetaModel best = null;
        for (ThetaVariant variant : candidates) {
            ThetaModel model = ThetaEstimator.fitModel(adjusted, variant);
            if (Double.isFinite(model.mse()) && (best == null || model.mse() < best.mse())) {
                best = model;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("theta could not fit this series: every variant gave a non-finite error"
                    + " (are its values too large?)");
        }
        return new ThetaFit(best, adjustment);
    }

    /**
     * The variants auto selection compares: those with more counted errors than parameters (an
     * exact fit would always win and claim zero variance), or STM alone for the shortest series.
     */
    private static ThetaVariant[] candidates(int n) {
        ThetaVariant[] usable = Arrays.stream(ThetaVariant.values())
                .filter(v -> ThetaEstimator.hasDegreesOfFreedom(n, v)).toArray(ThetaVariant[]::new);
        return usable.length > 0 ? usable : new ThetaVariant[] {ThetaVariant.STM};
    }

    private static void validate(double[] y, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("theta needs a season length of at least 1; got " + season);
        }
        if (y == null || y.length < MINIMUM_LENGTH) {
            int n = y == null ? 0 : y.length;
            throw new IllegalArgumentException("theta needs at least " + MINIMUM_LENGTH + " points; the series has " + n);
        }
        for (int t = 0; t < y.length; t++) {
            if (!Double.isFinite(y[t])) {
                throw new IllegalArgumentException("theta needs finite values; point " + (t + 1) + " is " + y[t]);
            }
        }
    }

    /** Constant up to rounding: a spread below 1e-12 of the scale cannot carry a trend or a season. */
    private static boolean isConstant(double[] y) {
        double min = y[0];
        double max = y[0];
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min <= 1e-12 * Math.max(Math.abs(max), Math.abs(min));
    }

    static SeasonalAdjustment seasonalAdjustment(double[] y, int m, String decomposition, boolean thetafRules) {
        int n = y.length;
        boolean longEnough = thetafRules ? n > 2 * m : n >= 2 * m;
        if (decomposition.equals(ThetaOptions.NONE) || m <= 1 || !longEnough || !SeasonalAdjustment.isSeasonal(y, m)) {
            return SeasonalAdjustment.none();
        }
        boolean multiplicative = decomposition.equals(ThetaOptions.MULTIPLICATIVE) && allPositive(y);
        SeasonalAdjustment adjustment = SeasonalAdjustment.classical(y, m, multiplicative);
        if (thetafRules) {
            return adjustment.smallestAbsoluteIndex() < THETAF_SMALLEST_INDEX ? SeasonalAdjustment.none() : adjustment;
        }
        if (multiplicative && adjustment.smallestIndex() < SMALLEST_MULTIPLICATIVE_INDEX) {
            return SeasonalAdjustment.classical(y, m, false);
        }
        return adjustment;
    }

    private static boolean allPositive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}
