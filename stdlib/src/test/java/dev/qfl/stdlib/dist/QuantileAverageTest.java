package dev.qfl.stdlib.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class QuantileAverageTest {

    @Test
    void averagingNormalsGivesTheNormalWithAveragedMeanAndSd() {
        // the quantile average of N(m1, s1) and N(m2, s2) with weights w, 1-w is exactly N(w m1 + .., w s1 + ..)
        QuantileFunction avg = QuantileAverage.of(List.of(new NormalQuantileFunction(10, 2), new NormalQuantileFunction(20, 6)),
                new double[] {3, 1});
        NormalDistribution expected = new NormalDistribution(12.5, 3.0);
        for (double level = 0.01; level < 1; level += 0.07) {
            assertEquals(expected.inverseCumulativeProbability(level), avg.quantile(level), 1e-9);
        }
        for (double x = 0; x <= 25; x += 1.7) {
            assertEquals(expected.cumulativeProbability(x), avg.cdf(x), 1e-9, "cdf at " + x);
        }
        assertEquals(12.5, avg.mean(), 1e-9);
        // CRPS of a normal has a closed form; the average's CRPS comes from quadrature of its quantiles
        NormalQuantileFunction same = new NormalQuantileFunction(12.5, 3.0);
        assertEquals(same.crps(14.2), avg.crps(14.2), 1e-6);
    }

    @Test
    void theAverageIsMonotoneAndLiesBetweenItsMembers() {
        QuantileFunction a = new NormalQuantileFunction(0, 1);
        QuantileFunction b = EmpiricalQuantileFunction.of(new double[] {-3, 0.5, 0.7, 2, 9, 11});
        QuantileFunction avg = QuantileAverage.of(List.of(a, b), new double[] {0.5, 0.5});
        double previous = Double.NEGATIVE_INFINITY;
        for (double level = 0.001; level < 1; level += 0.001) {
            double q = avg.quantile(level);
            assertTrue(q >= previous, "monotone at " + level);
            assertTrue(q >= Math.min(a.quantile(level), b.quantile(level)) - 1e-12);
            assertTrue(q <= Math.max(a.quantile(level), b.quantile(level)) + 1e-12);
            assertEquals(level, avg.cdf(q), 2e-6, "cdf inverts quantile at " + level);
            previous = q;
        }
    }

    @Test
    void zeroWeightsDropMembersAndBadWeightsAreRefused() {
        QuantileFunction a = new NormalQuantileFunction(0, 1);
        assertSame(a, QuantileAverage.of(List.of(a, new NormalQuantileFunction(5, 1)), new double[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> QuantileAverage.of(List.of(a), new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> QuantileAverage.of(List.of(a), new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> QuantileAverage.of(List.of(a), new double[] {1, 1}));
    }
}
