package dev.qfl.stdlib.dist;

import java.util.List;

/**
 * The weighted level-by-level average of several quantile functions (Vincentization):
 * q(α) = Σ w_i·q_i(α). A sum of non-decreasing functions with non-negative weights is
 * non-decreasing, so the average is again a proper quantile function that never crosses, and it
 * answers every query the members answer. Its mean is the weighted mean of the members' means, and
 * its spread lies between theirs, unlike a mixture, which widens when the members disagree.
 */
public final class QuantileAverage implements QuantileFunction {
    private final QuantileFunction[] members;
    private final double[] weights;

    private QuantileAverage(QuantileFunction[] members, double[] weights) {
        this.members = members;
        this.weights = weights;
    }

    /**
     * @param members the quantile functions to average
     * @param weights one non-negative weight per member, not all zero; normalised to sum to 1
     */
    public static QuantileFunction of(List<QuantileFunction> members, double[] weights) {
        if (members.isEmpty() || members.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per member, got " + weights.length + " for " + members.size());
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights add up to 0");
        }
        int kept = 0;
        for (double w : weights) {
            kept += w > 0 ? 1 : 0;
        }
        QuantileFunction[] m = new QuantileFunction[kept];
        double[] w = new double[kept];
        for (int i = 0, j = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                m[j] = members.get(i);
                w[j++] = weights[i] / total;
            }
        }
        return kept == 1 ? m[0] : new QuantileAverage(m, w);
    }

    @Override
    public double quantile(double level) {
        double q = 0;
        for (int i = 0; i < members.length; i++) {
            q += weights[i] * members[i].quantile(level);
        }
        return q;
    }

    /**
     * P(Y ≤ x) by bisection on the level: q is non-decreasing, so the largest α with q(α) ≤ x is
     * found to 1e-12 in about 40 evaluations of the members.
     */
    @Override
    public double cdf(double x) {
        double lo = 0;
        double hi = 1;
        if (quantile(1e-12) > x) {
            return 0;
        }
        if (quantile(1 - 1e-12) <= x) {
            return 1;
        }
        while (hi - lo > 1e-12) {
            double mid = 0.5 * (lo + hi);
            if (quantile(mid) <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Override
    public double mean() {
        double m = 0;
        for (int i = 0; i < members.length; i++) {
            m += weights[i] * members[i].mean();
        }
        return m;
    }

    /** The members and their normalised weights, for provenance. */
    public int size() {
        return members.length;
    }
}
