package dev.qfl.stdlib.dist;

/**
 * A non-negative forecast with its probability of zero set to {@code zero} and the rest of its
 * distribution kept as the base's positive part: q'(α) = 0 for α ≤ p, otherwise the base's
 * quantile at the level that has the same share of its positive part,
 * m + (α − p)/(1 − p)·(1 − m), with m the base's own mass at zero. This is the hurdle form of
 * intermittent demand (how often nothing sells, and how much when something does). Both pieces
 * are monotone, so q' is a quantile function.
 *
 * @param base a non-negative (floored) quantile function
 * @param zero the probability of zero, in [0, 1]
 */
public record HurdleQuantileFunction(QuantileFunction base, double zero) implements QuantileFunction {

    public HurdleQuantileFunction {
        if (!(zero >= 0 && zero <= 1)) {
            throw new IllegalArgumentException("a probability of zero must lie in [0, 1], not " + zero);
        }
    }

    @Override
    public double quantile(double level) {
        double m = base.cdf(0);
        if (level <= zero || m >= 1) {
            return 0;   // no demand, or a base with no positive part at all
        }
        double u = m + (level - zero) / (1 - zero) * (1 - m);
        return Math.max(0, base.quantile(Math.min(u, Math.nextDown(1.0))));
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        double m = base.cdf(0);
        double c = base.cdf(x);
        if (m >= 1) {
            return 1;   // the base has no positive part: everything is at zero
        }
        if (c <= m) {
            return zero;
        }
        return zero + (c - m) / (1 - m) * (1 - zero);
    }
}
