package dev.qfl.stdlib.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.dist.QuantileFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Checks every decision against closed forms of distributions whose quantile function is known. */
class DecisionsTest {
    private static final double MU = 100;
    private static final double SIGMA = 15;
    private static final NormalDistribution STD = new NormalDistribution(0, 1);

    /** Normal(μ, σ) as a quantile function. */
    private static final QuantileFunction NORMAL = new QuantileFunction() {
        @Override
        public double quantile(double level) {
            return MU + SIGMA * STD.inverseCumulativeProbability(level);
        }

        @Override
        public double cdf(double x) {
            return STD.cumulativeProbability((x - MU) / SIGMA);
        }
    };

    /** Exponential with rate λ: q(α) = −ln(1 − α)/λ. */
    private static QuantileFunction exponential(double rate) {
        return new QuantileFunction() {
            @Override
            public double quantile(double level) {
                return -Math.log1p(-level) / rate;
            }

            @Override
            public double cdf(double x) {
                return x <= 0 ? 0 : -Math.expm1(-rate * x);
            }
        };
    }

    @Test
    void marginalIsTheCostOfTheLastPoint() {
        double rate = 0.2;
        QuantileFunction q = exponential(rate);
        double expected = (Math.log(1 - 0.94) - Math.log(1 - 0.95)) / rate;
        assertEquals(expected, Decisions.marginal(q, 0.95), 1e-12);
        assertTrue(Decisions.marginal(q, 0.99) > Decisions.marginal(q, 0.90), "tail points cost more");
    }

    @Test
    void newsvendorStockMinimisesTheClosedFormCost() {
        double cu = 4;
        double co = 1;
        double ratio = Decisions.criticalRatio(cu, co);
        assertEquals(0.8, ratio, 1e-15);
        double stock = NORMAL.quantile(ratio);
        double z = STD.inverseCumulativeProbability(ratio);
        // expected cost at the optimum of a normal newsvendor: (cu + co)·σ·φ(z*)
        double closedForm = (cu + co) * SIGMA * STD.density(z);
        double cost = Decisions.expectedCost(NORMAL, stock, cu, co);
        assertEquals(closedForm, cost, 1e-3 * closedForm);
        for (double delta : new double[] {-5, -1, -0.1, 0.1, 1, 5}) {
            assertTrue(Decisions.expectedCost(NORMAL, stock + delta, cu, co) > cost, "not a minimum at delta " + delta);
        }
    }

    @Test
    void expectedShortfallMatchesTheNormalLossFunction() {
        for (double stock : new double[] {70, 100, 120, 150}) {
            double z = (stock - MU) / SIGMA;
            double closedForm = SIGMA * (STD.density(z) - z * (1 - STD.cumulativeProbability(z)));
            assertEquals(closedForm, Decisions.expectedShortfall(NORMAL, stock), 2e-3 * SIGMA, "stock " + stock);
        }
        double rate = 0.5;
        // exponential: E[(Y − s)⁺] = e^{−λs}/λ
        assertEquals(Math.exp(-rate * 3) / rate, Decisions.expectedShortfall(exponential(rate), 3), 1e-3);
    }

    @Test
    void centralIntervalLeavesEqualTails() {
        double[] iv = Decisions.centralInterval(NORMAL, 0.8);
        double z = STD.inverseCumulativeProbability(0.9);
        assertEquals(MU - z * SIGMA, iv[0], 1e-9);
        assertEquals(MU + z * SIGMA, iv[1], 1e-9);
        assertEquals(0.8, NORMAL.cdf(iv[1]) - NORMAL.cdf(iv[0]), 1e-12);
    }
}
