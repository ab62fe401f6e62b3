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

    /**
     * Newsvendor critical ratio cu / (cu + co): the service level that minimises expected cost.
     * When cu + co overflows (costs near the top of the double range, where the plain ratio would
     * collapse to 0), both are divided by the larger one first: only the ratio of the costs matters.
     *
     * @throws IllegalArgumentException unless both costs are positive and finite
     */
    public static double criticalRatio(double underage, double overage) {
        requireCost("underage", underage);
        requireCost("overage", overage);
        if (Double.isFinite(underage + overage)) {
            return underage / (underage + overage);
        }
        double larger = Math.max(underage, overage);
        double u = underage / larger;
        double o = overage / larger;
        return u / (u + o);
    }

    /**
     * E[cu·(Y − s)⁺ + co·(s − Y)⁺]: expected cost of stocking {@code stock}. Huge costs are scaled
     * by the larger one inside the integral and the result scaled back, so they overflow only when
     * the expected cost itself is beyond the double range.
     */
    public static double expectedCost(QuantileFunction q, double stock, double underage, double overage) {
        double larger = Math.max(underage, overage);
        if (larger <= SCALE_COSTS_ABOVE) {
            return QuantileIntegrals.expectation(q, y -> y > stock ? underage * (y - stock) : overage * (stock - y));
        }
        double u = underage / larger;
        double o = overage / larger;
        return larger * QuantileIntegrals.expectation(q, y -> y > stock ? u * (y - stock) : o * (stock - y));
    }

    /** Costs up to this are integrated as given (bit for bit as always); larger ones are scaled first. */
    private static final double SCALE_COSTS_ABOVE = 1e150;

    private static void requireCost(String name, double cost) {
        if (!(cost > 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("the " + name + " cost must be a positive finite number, got " + cost);
        }
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
