package dev.qfl.stdlib.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/** SQF: the closed-form CRPS against quadrature of ∫₀¹ 2ρ_α dα, and the CDF as the exact inverse. */
class SplineQuantileFunctionTest {
    static SplineQuantileFunction random(SplittableRandom r, int pieces) {
        double[] slopes = new double[pieces];
        double[] spacing = new double[pieces];
        double sum = 0;
        for (int l = 0; l < pieces; l++) {
            slopes[l] = 0.05 + r.nextDouble() * 5;
            spacing[l] = 0.05 + r.nextDouble();
            sum += spacing[l];
        }
        for (int l = 0; l < pieces; l++) {
            spacing[l] /= sum;
        }
        return new SplineQuantileFunction(r.nextDouble() * 10 - 5, slopes, spacing, 0.5 + r.nextDouble() * 3);
    }

    static double numericCrps(QuantileFunction q, double y) {
        var gauss = new GaussIntegratorFactory();
        double[] cuts = new double[401];
        double total = 0;
        for (int i = 0; i < 400; i++) {
            double lo = i / 400.0;
            double hi = (i + 1) / 400.0;
            total += gauss.legendre(10, lo, hi).integrate(a -> {
                double u = y - q.quantile(a);
                return 2 * u * (u < 0 ? a - 1 : a);
            });
        }
        return total + 0 * cuts.length;
    }

    @Test
    void closedFormCrpsMatchesQuadratureBelowInsideAndAbove() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            SplineQuantileFunction q = random(r, 2 + trial % 5);
            double[] ys = {q.quantile(0) - 3, q.quantile(r.nextDouble()), q.quantile(0.999), q.quantile(1) + 7};
            for (double y : ys) {
                double expected = numericCrps(q, y);
                assertEquals(expected, q.crps(y), 1e-5 * Math.max(1, Math.abs(expected)), "y = " + y);
            }
        }
    }

    @Test
    void monotoneWithTheCdfAsInverse() {
        SplittableRandom r = new SplittableRandom(9);
        for (int trial = 0; trial < 500; trial++) {
            SplineQuantileFunction q = random(r, 2 + trial % 6);
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < 200; i++) {
                double level = i / 200.0;
                double v = q.quantile(level);
                assertTrue(v > previous);
                previous = v;
                assertEquals(level, q.cdf(v), 1e-9);
            }
            assertEquals(0, q.cdf(q.quantile(0) - 1));
            assertEquals(1, q.cdf(q.quantile(1) + 1));
        }
    }
}
