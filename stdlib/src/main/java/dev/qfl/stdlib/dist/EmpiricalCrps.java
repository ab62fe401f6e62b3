package dev.qfl.stdlib.dist;

/**
 * Closed-form pieces of CRPS(y) = ∫₀¹ 2·ρ_α(y − q(α)) dα for a quantile function made of linear
 * pieces and exponential tails ({@link EmpiricalQuantileFunction}).
 *
 * <p>With d(α) = y − q(α), the pinball loss is d·α − d·1{d &lt; 0}, and since q is non-decreasing
 * the set where d &lt; 0 is an interval reaching the right end of any piece. So each piece on
 * [l, r] contributes 2·(∫_l^r d·α dα − ∫_{α̃}^r d dα), where α̃ ∈ [l, r] is where q crosses y.
 * The integrals below are worked out by hand for each piece shape.
 */
final class EmpiricalCrps {
    private EmpiricalCrps() {
    }

    /** Piece on [u0, u1] where q runs linearly from c0 to c1 ≥ c0. */
    static double linearPiece(double y, double u0, double u1, double c0, double c1) {
        double d0 = y - c0;
        double d1 = y - c1;
        // d·α is quadratic in α, so Simpson's rule integrates it exactly (and without cancellation).
        double mid = 0.5 * (u0 + u1);
        double weighted = (u1 - u0) / 6.0 * (d0 * u0 + 4.0 * (y - 0.5 * (c0 + c1)) * mid + d1 * u1);
        double above; // ∫_{α̃}^{u1} d dα, d linear: width × mean of the end values
        if (y < c0) {
            above = (u1 - u0) * 0.5 * (d0 + d1);
        } else if (y >= c1) {
            above = 0.0;
        } else {
            double crossing = u0 + (y - c0) / (c1 - c0) * (u1 - u0);
            above = (u1 - crossing) * 0.5 * d1; // d is 0 at the crossing
        }
        return 2.0 * (weighted - above);
    }

    /**
     * Left tail on (0, p] with q(α) = x + a·log(α/p), a ≥ 0. With D = y − x and s = α/p:
     * ∫ d·α dα = D·p²/2 + a·p²/4, and ∫_{α̃}^p d dα = D·p·(1 − s̃) + a·p·(1 − s̃ + s̃·log s̃).
     */
    static double leftTail(double y, double x, double a, double p) {
        double gap = y - x;
        double crossing = crossingFraction(gap, a); // s̃ = α̃/p
        double weighted = gap * p * p / 2.0 + a * p * p / 4.0;
        double above = gap * p * (1.0 - crossing) + a * p * (1.0 - crossing + xLogX(crossing));
        return 2.0 * (weighted - above);
    }

    /**
     * Right tail on [1 − T, 1) with q = x − b·log(t/T), t = 1 − α, b ≥ 0. With D = y − x and
     * s = t/T: ∫ d·α dα = D·(T − T²/2) − b·T·(1 − T/4), and q exceeds y for s &lt; s̃, where
     * ∫ d dα = D·T·s̃ + b·T·(s̃·log s̃ − s̃).
     */
    static double rightTail(double y, double x, double b, double tailMass) {
        double gap = y - x;
        double crossing = crossingFraction(-gap, b); // s̃ = t̃/T, q > y for t < t̃
        double weighted = gap * (tailMass - tailMass * tailMass / 2.0) - b * tailMass * (1.0 - tailMass / 4.0);
        double above = gap * tailMass * crossing + b * tailMass * (xLogX(crossing) - crossing);
        return 2.0 * (weighted - above);
    }

    /**
     * Where, as a fraction s ∈ [0, 1] of the tail's level range measured from its outer end, the
     * tail value x + scale·log s (or its mirror) crosses x + gap: s = exp(gap/scale), capped at 1.
     * A flat tail (scale 0) never crosses strictly: it lies entirely above y when gap &lt; 0.
     */
    private static double crossingFraction(double gap, double scale) {
        if (scale == 0) {
            return gap < 0 ? 0.0 : 1.0;
        }
        return Math.exp(Math.min(0.0, gap / scale));
    }

    private static double xLogX(double s) {
        return s == 0 ? 0.0 : s * Math.log(s);
    }
}
