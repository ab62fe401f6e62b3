package dev.qfl.stdlib.dist;

import java.util.random.RandomGenerator;

/**
 * A univariate predictive distribution given by its quantile function q(α), α ∈ (0, 1).
 *
 * <p>Implementations are monotone (non-decreasing) in α by construction, so quantiles at different
 * levels never cross, and {@link #cdf} is consistent with {@link #quantile}: cdf(q(α)) = α wherever q
 * is strictly increasing. Everything here is plain array work, cheap enough to call millions of
 * times a second, and never touches a tensor engine.
 */
public interface QuantileFunction {

    /** The value below which the outcome falls with probability {@code level}, for level in (0, 1). */
    double quantile(double level);

    /** P(Y ≤ x). */
    double cdf(double x);

    /**
     * Continuous ranked probability score at outcome {@code y}: ∫₀¹ 2·ρ_α(y − q(α)) dα, with ρ the
     * pinball loss. Lower is better. The default integrates numerically; closed forms override it.
     */
    default double crps(double y) {
        return QuantileIntegrals.crps(this, y);
    }

    /** Mean of the distribution, ∫₀¹ q(α) dα. */
    default double mean() {
        return QuantileIntegrals.mean(this);
    }

    /** One draw by inversion: q(U) with U uniform on (0, 1). */
    default double sample(RandomGenerator random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u <= 0.0);
        return quantile(u);
    }

    /** Fills {@code out[i] = quantile(levels[i])}. */
    default void quantiles(double[] levels, double[] out) {
        for (int i = 0; i < levels.length; i++) {
            out[i] = quantile(levels[i]);
        }
    }

    /** Sorted levels at which the function has a kink worth marking in a plot (knots), possibly empty. */
    default double[] knotLevels() {
        return new double[0];
    }
}
