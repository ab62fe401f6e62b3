package dev.qfl.stdlib.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.dist.QuantileFunction;
import org.junit.jupiter.api.Test;

/** The newsvendor's arithmetic at the edges of the double range (issue #12). */
class HugeCostsTest {
    /** Uniform on [0, 10]. */
    private static final QuantileFunction UNIFORM = new QuantileFunction() {
        @Override
        public double quantile(double level) {
            return 10 * level;
        }

        @Override
        public double cdf(double x) {
            return Math.min(1, Math.max(0, x / 10));
        }
    };

    @Test
    void costsWhoseSumOverflowsStillGiveTheirRatio() {
        // 1e308 + 1e308 is infinite: the plain cu / (cu + co) was 0, a stock at level 0
        assertEquals(0.5, Decisions.criticalRatio(1e308, 1e308), 1e-15);
        assertEquals(0.75, Decisions.criticalRatio(1.5e308, 0.5e308), 1e-15);
        assertEquals(0.8, Decisions.criticalRatio(4, 1), 0.0);
    }

    @Test
    void expectedCostScalesHugeCostsInsteadOfOverflowing() {
        // with cu = co = c the cost of stocking the median of U[0, 10] is c · E|Y − 5| = 2.5 c
        double cost = Decisions.expectedCost(UNIFORM, 5, 1e200, 1e200);
        assertTrue(Double.isFinite(cost), "cost " + cost);
        assertEquals(2.5e200, cost, 1e-3 * 2.5e200);
        assertEquals(2.5, Decisions.expectedCost(UNIFORM, 5, 1, 1), 1e-3);
    }

    @Test
    void zeroNegativeOrInfiniteCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Decisions.criticalRatio(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Decisions.criticalRatio(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Decisions.criticalRatio(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> Decisions.criticalRatio(Double.NaN, 1));
    }
}
