package dev.qfl.stdlib.dist;

import org.apache.commons.math3.special.Erf;

/**
 * A normal distribution N(μ, σ²) as a quantile function, with the closed-form CRPS
 * σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ.
 */
public record NormalQuantileFunction(double mean, double sd) implements QuantileFunction {
    private static final double SQRT2 = Math.sqrt(2);

    public NormalQuantileFunction {
        if (!(sd > 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("a normal distribution needs a finite mean and a positive sd");
        }
    }

    @Override
    public double quantile(double level) {
        return mean + sd * SQRT2 * Erf.erfInv(2 * level - 1);
    }

    @Override
    public double cdf(double x) {
        return 0.5 * Erf.erfc(-(x - mean) / (sd * SQRT2));
    }

    @Override
    public double crps(double y) {
        double z = (y - mean) / sd;
        double pdf = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return sd * (z * (2 * cdf(y) - 1) + 2 * pdf - 1 / Math.sqrt(Math.PI));
    }

    @Override
    public double mean() {
        return mean;
    }
}
