package dev.qfl.stdlib.decision;

import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.dist.QuantileIntegrals;

/**
 * Inventory decisions read off a learned quantile function. Expectations are integrals over the
 * level axis, E[g(Y)] = ∫₀¹ g(q(α)) dα, which works for any quantile function, with or without a
 * density.
 */
public final class Decisions {
    /** One percentage point of service level. */
    public static final double POINT = 0.01;

    private Decisions() {
    }

    /**
     * Extra stock the last percentage point of service costs: q(α) − q(α − 0.01). At 0.95 this is
     * exactly what lowering the guarantee to 94% saves. For α ≤ 0.01 the next point up is used.
     */
    public static double marginal(QuantileFunction q, double level) {
        if (level - POINT > 0) {
            return q.quantile(level) - q.quantile(level - POINT);
        }
        return q.quantile(level + POINT) - q.quantile(level);
    }

    /** Newsvendor critical ratio cu / (cu + co): the service level that minimises expected cost. */
    public static double criticalRatio(double underage, double overage) {
        return underage / (underage + overage);
    }

    /** E[cu·(Y − s)⁺ + co·(s − Y)⁺]: expected cost of stocking {@code stock}. */
    public static double expectedCost(QuantileFunction q, double stock, double underage, double overage) {
        return QuantileIntegrals.expectation(q,
                y -> y > stock ? underage * (y - stock) : overage * (stock - y));
    }

    /** E[(Y − s)⁺]: expected demand left unserved by {@code stock}. */
    public static double expectedShortfall(QuantileFunction q, double stock) {
        return QuantileIntegrals.expectation(q, y -> Math.max(0.0, y - stock));
    }

    /** The central interval holding probability {@code coverage}: [q((1−p)/2), q((1+p)/2)]. */
    public static double[] centralInterval(QuantileFunction q, double coverage) {
        double tail = (1 - coverage) / 2;
        return new double[] {q.quantile(tail), q.quantile(1 - tail)};
    }
}
