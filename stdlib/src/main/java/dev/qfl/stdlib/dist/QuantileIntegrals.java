package dev.qfl.stdlib.dist;

/**
 * Numerical integrals over the level axis, for quantile functions without closed forms.
 *
 * <p>The level axis is split into a dense middle and two tails on a logarithmic grid, because
 * quantile functions of forecast distributions are steepest (and unbounded for exponential or
 * Gaussian tails) near 0 and 1. The midpoint rule on that grid keeps the tail error below ~1e-4 of
 * the distribution's spread for the tails QFL uses.
 */
public final class QuantileIntegrals {
    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        int middle = 2000;
        int tailDecades = 8;
        int perDecade = 40;
        int tail = tailDecades * perDecade;
        double lo = 1e-2;
        double hi = 1 - 1e-2;
        NODES = new double[middle + 2 * tail];
        WEIGHTS = new double[NODES.length];
        int k = 0;
        // left tail (1e-10, 1e-2], geometric cells
        for (int i = 0; i < tail; i++) {
            double a = Math.pow(10, -2 - tailDecades + (double) i / perDecade);
            double b = Math.pow(10, -2 - tailDecades + (double) (i + 1) / perDecade);
            NODES[k] = Math.sqrt(a * b);
            WEIGHTS[k++] = b - a;
        }
        for (int i = 0; i < middle; i++) {
            double a = lo + (hi - lo) * i / middle;
            double b = lo + (hi - lo) * (i + 1) / middle;
            NODES[k] = 0.5 * (a + b);
            WEIGHTS[k++] = b - a;
        }
        for (int i = tail - 1; i >= 0; i--) {
            double a = Math.pow(10, -2 - tailDecades + (double) i / perDecade);
            double b = Math.pow(10, -2 - tailDecades + (double) (i + 1) / perDecade);
            NODES[k] = 1 - Math.sqrt(a * b);
            WEIGHTS[k++] = b - a;
        }
    }

    private QuantileIntegrals() {
    }

    /** ∫₀¹ 2·ρ_α(y − q(α)) dα. */
    public static double crps(QuantileFunction qf, double y) {
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) {
            double a = NODES[i];
            double u = y - qf.quantile(a);
            sum += WEIGHTS[i] * 2 * u * (u < 0 ? a - 1 : a);
        }
        return sum;
    }

    /** ∫₀¹ q(α) dα. */
    public static double mean(QuantileFunction qf) {
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) {
            sum += WEIGHTS[i] * qf.quantile(NODES[i]);
        }
        return sum;
    }

    /** ∫₀¹ g(q(α)) dα for any function g of the outcome, e.g. an expected cost. */
    public static double expectation(QuantileFunction qf, java.util.function.DoubleUnaryOperator g) {
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) {
            sum += WEIGHTS[i] * g.applyAsDouble(qf.quantile(NODES[i]));
        }
        return sum;
    }
}
