package dev.qfl.stdlib.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class QuantileMixtureTest {
    private static final NormalDistribution Z = new NormalDistribution(0, 1);

    /** E|X − y| for X ~ N(m, s²): (m − y)(2Φ(d) − 1) + 2sφ(d), d = (m − y)/s. */
    private static double meanAbs(double m, double s, double y) {
        double d = (m - y) / s;
        return (m - y) * (2 * Z.cumulativeProbability(d) - 1) + 2 * s * Z.density(d);
    }

    @Test
    void theCdfIsTheMembersAverageAndTheQuantileItsInverse() {
        QuantileFunction mix = QuantileMixture.of(List.of(new NormalQuantileFunction(0, 1),
                new NormalQuantileFunction(4, 2)));
        for (double x = -4; x <= 10; x += 0.37) {
            double expected = 0.5 * (Z.cumulativeProbability(x) + Z.cumulativeProbability((x - 4) / 2));
            assertEquals(expected, mix.cdf(x), 1e-12, "cdf at " + x);
        }
        for (double level = 0.001; level < 1; level += 0.0137) {
            assertEquals(level, mix.cdf(mix.quantile(level)), 1e-10, "cdf of the quantile at " + level);
        }
        assertEquals(2, mix.mean(), 1e-12);
    }

    @Test
    void itsCrpsMatchesTheClosedFormOfAGaussianMixture() {
        double[] m = {-1, 3};
        double[] s = {0.5, 1.5};
        QuantileFunction mix = QuantileMixture.of(List.of(new NormalQuantileFunction(m[0], s[0]),
                new NormalQuantileFunction(m[1], s[1])));
        for (double y : new double[] {-2, 0.4, 2.5, 7}) {
            // CRPS = E|X − y| − ½E|X − X'|, each term a sum over (pairs of) components
            double first = 0;
            double second = 0;
            for (int i = 0; i < 2; i++) {
                first += 0.5 * meanAbs(m[i], s[i], y);
                for (int j = 0; j < 2; j++) {
                    second += 0.25 * meanAbs(m[i] - m[j], Math.hypot(s[i], s[j]), 0);
                }
            }
            assertEquals(first - 0.5 * second, mix.crps(y), 1e-5, "CRPS at " + y);
        }
    }

    @Test
    void membersThatDisagreeMakeItWiderThanTheirLevelByLevelAverage() {
        List<QuantileFunction> members = List.of(new NormalQuantileFunction(0, 1), new NormalQuantileFunction(3, 1));
        QuantileFunction mix = QuantileMixture.of(members);
        QuantileFunction average = QuantileAverage.of(members, new double[] {1, 1});
        assertTrue(mix.quantile(0.9) - mix.quantile(0.1) > average.quantile(0.9) - average.quantile(0.1) + 1,
                "mixture 80% width " + (mix.quantile(0.9) - mix.quantile(0.1)));
        // members that agree give back their common distribution
        QuantileFunction same = QuantileMixture.of(List.of(new NormalQuantileFunction(5, 2),
                new NormalQuantileFunction(5, 2), new NormalQuantileFunction(5, 2)));
        for (double level = 0.05; level < 1; level += 0.1) {
            assertEquals(new NormalQuantileFunction(5, 2).quantile(level), same.quantile(level), 1e-9);
        }
    }

    @Test
    void drawsFollowTheMixture() {
        QuantileFunction mix = QuantileMixture.of(List.of(new NormalQuantileFunction(0, 1),
                new NormalQuantileFunction(10, 1)));
        SplittableRandom random = new SplittableRandom(4);
        int below = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            below += mix.sample(random) <= 1 ? 1 : 0;
        }
        // P(Y ≤ 1) = (Φ(1) + Φ(−9)) / 2 ≈ 0.4207; the draws' share within 4 standard errors
        double p = mix.cdf(1);
        assertEquals(p, (double) below / n, 4 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void oneMemberIsItselfAndNoneIsRefused() {
        QuantileFunction only = new NormalQuantileFunction(1, 1);
        assertSame(only, QuantileMixture.of(List.of(only)));
        assertThrows(IllegalArgumentException.class, () -> QuantileMixture.of(List.of()));
    }
}
