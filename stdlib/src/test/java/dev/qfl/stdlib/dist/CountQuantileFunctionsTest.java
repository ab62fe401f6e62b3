package dev.qfl.stdlib.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whole-number answers and the hurdle's chance of zero, against the distributions they describe. */
class CountQuantileFunctionsTest {
    private static final QuantileFunction SPREAD = new NormalQuantileFunction(1.2, 1.5);

    @Test
    void wholeNumbersAreTheRoundedQuantilesAndTheCdfReadsAtTheNextHalf() {
        WholeNumberQuantileFunction whole = new WholeNumberQuantileFunction(SPREAD);
        for (double level = 0.01; level < 1; level += 0.01) {
            double q = whole.quantile(level);
            assertEquals(Math.rint(q), q, 0.0, "a whole number");
            assertEquals(Math.max(0, Math.floor(SPREAD.quantile(level) + 0.5)), q, 0.0);
        }
        // P(Y ≤ k) is the continuous function's probability below k + ½, the same between whole numbers
        assertEquals(SPREAD.cdf(0.5), whole.cdf(0), 1e-12);
        assertEquals(SPREAD.cdf(2.5), whole.cdf(2), 1e-12);
        assertEquals(whole.cdf(2), whole.cdf(2.9), 0.0);
        assertEquals(0, whole.cdf(-0.1), 0.0);
        // and the two agree: the quantile at a level is the first whole number whose cdf reaches it
        for (double level = 0.05; level < 1; level += 0.05) {
            double k = whole.quantile(level);
            assertTrue(whole.cdf(k) >= level - 1e-12, "cdf(q(α)) ≥ α at " + level);
            assertTrue(k == 0 || whole.cdf(k - 1) < level + 1e-12, "no smaller whole number reaches " + level);
        }
    }

    @Test
    void aHurdleSetsTheChanceOfZeroAndKeepsThePositivePartsShape() {
        QuantileFunction base = new WholeNumberQuantileFunction(SPREAD);
        double m = base.cdf(0);
        HurdleQuantileFunction hurdle = new HurdleQuantileFunction(base, 0.7);
        assertEquals(0.7, hurdle.cdf(0), 1e-12);
        assertEquals(0, hurdle.cdf(-1), 0.0);
        assertEquals(0, hurdle.quantile(0.69), 0.0);
        // above zero, the hurdle's distribution is the base's given a positive value
        for (double x : new double[] {1, 2, 3, 5}) {
            double positive = (base.cdf(x) - m) / (1 - m);
            assertEquals(0.7 + 0.3 * positive, hurdle.cdf(x), 1e-12, "cdf at " + x);
        }
        double previous = 0;
        for (double level = 0.71; level < 1; level += 0.01) {
            double q = hurdle.quantile(level);
            assertTrue(q >= previous, "monotone at " + level);
            assertTrue(hurdle.cdf(q) >= level - 1e-9, "cdf(q(α)) ≥ α at " + level);
            previous = q;
        }
        assertTrue(previous >= 1, "the upper levels lie in the positive part");
    }

    @Test
    void aHurdleOfNothingButZeroAndImpossibleChancesAreHandled() {
        QuantileFunction allZero = new WholeNumberQuantileFunction(new NormalQuantileFunction(-5, 0.1));
        HurdleQuantileFunction hurdle = new HurdleQuantileFunction(allZero, 0.4);
        assertEquals(0, hurdle.quantile(0.9), 0.0);
        assertEquals(1, hurdle.cdf(0), 0.0);
        assertEquals(0, new HurdleQuantileFunction(new WholeNumberQuantileFunction(SPREAD), 1).quantile(0.99), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new HurdleQuantileFunction(SPREAD, 1.2));
        assertThrows(IllegalArgumentException.class, () -> new HurdleQuantileFunction(SPREAD, Double.NaN));
    }
}
