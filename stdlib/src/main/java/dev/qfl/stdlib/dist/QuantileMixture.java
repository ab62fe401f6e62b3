package dev.qfl.stdlib.dist;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The equally weighted mixture of several distributions: P(Y ≤ x) = Σ F_i(x) / n. Where the
 * members agree it is their common distribution; where they disagree it is wider than any of
 * them, unlike the level-by-level average ({@link QuantileAverage}), whose spread lies between the
 * members'. That disagreement is uncertainty the members each leave out: an ensemble of neural
 * members whose intervals are too narrow on their own covers better as a mixture.
 *
 * <p>The quantile at α lies between the members' smallest and largest quantiles at α (each F_i is
 * α at its own quantile, so the mixture's CDF is at most α at the smallest and at least α at the
 * largest), and is found in that bracket by bisection on the mixture's CDF.
 */
public final class QuantileMixture implements QuantileFunction {
    /** Bisection stops when the bracket is this small relative to the values' magnitude. */
    private static final double RELATIVE_TOLERANCE = 1e-13;
    private final QuantileFunction[] members;

    private QuantileMixture(QuantileFunction[] members) {
        this.members = members;
    }

    /** The mixture of the given members with equal weights (the member itself when there is one). */
    public static QuantileFunction of(List<QuantileFunction> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one member");
        }
        return members.size() == 1 ? members.get(0) : new QuantileMixture(members.toArray(new QuantileFunction[0]));
    }

    @Override
    public double cdf(double x) {
        double p = 0;
        for (QuantileFunction m : members) {
            p += m.cdf(x);
        }
        return p / members.length;
    }

    @Override
    public double quantile(double level) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (QuantileFunction m : members) {
            double q = m.quantile(level);
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        // the smallest x with F(x) ≥ level: F(lo) ≤ level ≤ F(hi) throughout
        while (hi - lo > RELATIVE_TOLERANCE * Math.max(Double.MIN_NORMAL, Math.abs(lo) + Math.abs(hi))) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;   // adjacent doubles
            }
            if (cdf(mid) < level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The mean of the members' means: a mixture's mean is exactly that. */
    @Override
    public double mean() {
        double m = 0;
        for (QuantileFunction member : members) {
            m += member.mean();
        }
        return m / members.length;
    }

    /** A draw from a member chosen uniformly: exactly a draw from the mixture. */
    @Override
    public double sample(RandomGenerator random) {
        return members[random.nextInt(members.length)].sample(random);
    }
}
