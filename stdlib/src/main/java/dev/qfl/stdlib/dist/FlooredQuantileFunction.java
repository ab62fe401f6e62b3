package dev.qfl.stdlib.dist;

/**
 * A quantile function clipped below at a floor (zero for demand). Taking max(floor, q(α)) keeps
 * the function monotone, and the CDF jumps to the base CDF at the floor: all mass below it sits on
 * the floor itself.
 */
public record FlooredQuantileFunction(QuantileFunction base, double floor) implements QuantileFunction {

    /** Wraps {@code base} with a floor at 0, unless it is already floored. */
    public static QuantileFunction atZero(QuantileFunction base) {
        if (base instanceof FlooredQuantileFunction f && f.floor == 0.0) {
            return base;
        }
        return new FlooredQuantileFunction(base, 0.0);
    }

    @Override
    public double quantile(double level) {
        return Math.max(floor, base.quantile(level));
    }

    @Override
    public double cdf(double x) {
        return x < floor ? 0.0 : base.cdf(x);
    }

    @Override
    public double[] knotLevels() {
        return base.knotLevels();
    }
}
