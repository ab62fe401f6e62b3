package dev.qfl.stdlib.dist;

/**
 * A non-negative forecast with its probability of zero set to {@code zero} and the rest of its
 * distribution kept as the base's positive part: q'(α) = 0 for α ≤ p, otherwise the base's
 * quantile at the level that has the same share of its positive part,
 * m + (α − p)/(1 − p)·(1 − m), with m the base's own mass at zero. This is the hurdle form of
 * intermittent demand (how often nothing sells, and how much when something does). Both pieces
 * are monotone, so q' is a quantile function.
 */
public final class HurdleQuantileFunction implements QuantileFunction {
    private final QuantileFunction base;
    private final double zero;
    /** The base's own mass at zero, read once: queries ask for levels and probabilities many times. */
    private final double baseZero;

    /**
     * @param base a non-negative (floored) quantile function
     * @param zero the probability of zero, in [0, 1]
     */
    public HurdleQuantileFunction(QuantileFunction base, double zero) {
        if (!(zero >= 0 && zero <= 1)) {
            throw new IllegalArgumentException("a probability of zero must lie in [0, 1], not " + zero);
        }
        this.base = base;
        this.zero = zero;
        this.baseZero = base.cdf(0);
    }

    @Override
    public double quantile(double level) {
        if (level <= zero || baseZero >= 1) {
            return 0;   // no demand, or a base with no positive part at all
        }
        double u = baseZero + (level - zero) / (1 - zero) * (1 - baseZero);
        return Math.max(0, base.quantile(Math.min(u, Math.nextDown(1.0))));
    }

    @Override
    public double cdf(double x) {
        if (x < 0) {
            return 0;
        }
        if (baseZero >= 1) {
            return 1;   // the base has no positive part: everything is at zero
        }
        double c = base.cdf(x);
        if (c <= baseZero) {
            return zero;
        }
        return zero + (c - baseZero) / (1 - baseZero) * (1 - zero);
    }
}
