package dev.qfl.stdlib.dist;

/**
 * A count forecast: a continuous quantile function q (learned on counts spread uniformly over
 * [y − ½, y + ½]) read as whole numbers, q'(α) = max(0, ⌊q(α) + ½⌋). Rounding is monotone, so q'
 * is a quantile function again; its CDF is the base's at the next half, P(Y ≤ k) = F(k + ½) for
 * whole k ≥ 0, constant between whole numbers and 0 below zero.
 */
public record WholeNumberQuantileFunction(QuantileFunction base) implements QuantileFunction {

    @Override
    public double quantile(double level) {
        return Math.max(0, Math.floor(base.quantile(level) + 0.5));
    }

    @Override
    public double cdf(double x) {
        return x < 0 ? 0 : base.cdf(Math.floor(x) + 0.5);
    }
}
