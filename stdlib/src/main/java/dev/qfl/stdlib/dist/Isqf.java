package dev.qfl.stdlib.dist;

import java.util.Arrays;

/**
 * The incremental (spline) quantile function, ISQF, and its special case IQF (one piece per
 * interval), in a location-scale family: q(α) = loc + scale·q₀(α).
 *
 * <p>q₀ passes through K knots (α_k, y_k) with y strictly increasing. Between neighbouring knots it
 * is a monotone P-piece linear spline; below α₀ and above α_{K−1} it has exponential tails,
 * q₀(α) = y₀ + ln(α/α₀)/β_l and q₀(α) = y_{K−1} − ln((1−α)/(1−α_{K−1}))/β_r. Everything is kept
 * in flat primitive arrays with the per-piece slopes precomputed, so a quantile is a binary
 * search and a multiply-add, and the CDF is the exact inverse.
 */
public final class Isqf implements QuantileFunction {
    private final double[] levels;
    private final double[] knots;
    private final int pieces;
    private final double[] xFractions;
    private final double[] yFractions;
    private final double betaLeft;
    private final double betaRight;
    private final double loc;
    private final double scale;
    // derived: every spline piece j spans [pieceLevel[j], pieceLevel[j+1]) from value pieceValue[j]
    private final double[] pieceLevel;
    private final double[] pieceValue;
    private final double[] slope;

    private Isqf(double[] levels, double[] knots, int pieces, double[] xFractions, double[] yFractions,
                 double betaLeft, double betaRight, double loc, double scale) {
        this.levels = levels;
        this.knots = knots;
        this.pieces = pieces;
        this.xFractions = xFractions;
        this.yFractions = yFractions;
        this.betaLeft = betaLeft;
        this.betaRight = betaRight;
        this.loc = loc;
        this.scale = scale;
        int n = (levels.length - 1) * pieces;
        pieceLevel = new double[n + 1];
        pieceValue = new double[n + 1];
        slope = new double[Math.max(n, 0)];
        int j = 0;
        for (int k = 0; k + 1 < levels.length; k++) {
            double dx = levels[k + 1] - levels[k];
            double dy = knots[k + 1] - knots[k];
            double x = levels[k];
            double y = knots[k];
            for (int s = 0; s < pieces; s++, j++) {
                double px = dx * xFractions[j];
                double py = dy * yFractions[j];
                pieceLevel[j] = x;
                pieceValue[j] = y;
                slope[j] = py / px;
                x += px;
                y += py;
            }
        }
        pieceLevel[n] = levels[levels.length - 1];
        pieceValue[n] = knots[knots.length - 1];
    }

    /**
     * An ISQF with standard location and scale.
     *
     * @param levels     K ≥ 1 knot levels, strictly increasing in (0, 1)
     * @param knotValues K strictly increasing values at those levels
     * @param pieces     linear pieces per interval (1 gives IQF)
     * @param xFractions (K−1)·pieces positive shares of each interval's level width, each block summing to 1;
     *                   null means equal shares
     * @param yFractions likewise for each interval's value rise
     * @param betaLeft   rate of the left exponential tail, > 0
     * @param betaRight  rate of the right exponential tail, > 0
     */
    public static Isqf of(double[] levels, double[] knotValues, int pieces, double[] xFractions, double[] yFractions,
                          double betaLeft, double betaRight) {
        int k = levels.length;
        require(k >= 1 && knotValues.length == k, "need as many knot values as levels, and at least one");
        require(pieces >= 1, "pieces must be at least 1");
        for (int i = 0; i < k; i++) {
            require(levels[i] > 0 && levels[i] < 1, "knot levels must lie in (0, 1)");
            require(Double.isFinite(knotValues[i]), "knot values must be finite");
            require(i == 0 || levels[i] > levels[i - 1], "knot levels must be strictly increasing");
            require(i == 0 || knotValues[i] > knotValues[i - 1], "knot values must be strictly increasing");
        }
        require(betaLeft > 0 && betaRight > 0 && Double.isFinite(betaLeft) && Double.isFinite(betaRight),
                "tail rates must be positive and finite");
        int n = (k - 1) * pieces;
        double[] xf = fractions(xFractions, n, pieces, "x");
        double[] yf = fractions(yFractions, n, pieces, "y");
        return new Isqf(levels.clone(), knotValues.clone(), pieces, xf, yf, betaLeft, betaRight, 0, 1);
    }

    private static double[] fractions(double[] given, int n, int pieces, String which) {
        if (given == null) {
            double[] equal = new double[n];
            Arrays.fill(equal, 1.0 / pieces);
            return equal;
        }
        require(given.length == n, which + " fractions: expected " + n + " values");
        for (int start = 0; start < n; start += pieces) {
            double sum = 0;
            for (int s = 0; s < pieces; s++) {
                require(given[start + s] > 0, which + " fractions must be positive");
                sum += given[start + s];
            }
            require(Math.abs(sum - 1) < 1e-6, which + " fractions of each interval must sum to 1");
        }
        return given.clone();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The same shape moved and stretched: loc + scale·q(α), scale > 0. */
    public Isqf affine(double newLoc, double newScale) {
        require(newScale > 0 && Double.isFinite(newScale) && Double.isFinite(newLoc), "scale must be positive");
        return new Isqf(levels, knots, pieces, xFractions, yFractions, betaLeft, betaRight,
                newLoc + newScale * loc, newScale * scale);
    }

    @Override
    public double quantile(double level) {
        return loc + scale * base(level);
    }

    private double base(double a) {
        int last = levels.length - 1;
        if (a < levels[0]) {
            return knots[0] + Math.log(a / levels[0]) / betaLeft;
        }
        if (a >= levels[last]) {
            return knots[last] - Math.log((1 - a) / (1 - levels[last])) / betaRight;
        }
        int j = piece(a);
        return pieceValue[j] + slope[j] * (a - pieceLevel[j]);
    }

    /** The piece whose level span holds {@code a}, for levels[0] ≤ a < levels[K−1]. */
    private int piece(double a) {
        int lo = 0;
        int hi = slope.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pieceLevel[mid] <= a) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Quantiles at levels sorted ascending, walking the pieces once instead of searching for each. */
    @Override
    public void quantiles(double[] sortedLevels, double[] out) {
        int j = 0;
        int last = levels.length - 1;
        for (int i = 0; i < sortedLevels.length; i++) {
            double a = sortedLevels[i];
            if (a < levels[0] || a >= levels[last]) {
                out[i] = quantile(a);
                continue;
            }
            while (j + 1 < slope.length && pieceLevel[j + 1] <= a) {
                j++;
            }
            out[i] = loc + scale * (pieceValue[j] + slope[j] * (a - pieceLevel[j]));
        }
    }

    @Override
    public double cdf(double x) {
        double z = (x - loc) / scale;
        int last = levels.length - 1;
        if (z < knots[0]) {
            return levels[0] * Math.exp(betaLeft * (z - knots[0]));
        }
        if (z >= knots[last]) {
            return 1 - (1 - levels[last]) * Math.exp(-betaRight * (z - knots[last]));
        }
        int lo = 0;
        int hi = slope.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pieceValue[mid] <= z) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double a = pieceLevel[lo] + (z - pieceValue[lo]) / slope[lo];
        return Math.min(pieceLevel[lo + 1], Math.max(pieceLevel[lo], a));
    }

    @Override
    public double crps(double y) {
        return crpsParts(y).total();
    }

    /** The closed-form CRPS, split into the left tail, the spline and the right tail (in y's units). */
    public CrpsParts crpsParts(double y) {
        double z = (y - loc) / scale;
        int last = levels.length - 1;
        // left tail on (0, α₀]: q = a·ln α + b
        double a0 = levels[0];
        double al = 1 / betaLeft;
        double bl = knots[0] - al * Math.log(a0);
        double cross = Math.min(Math.exp((z - bl) / al), a0);
        double i1 = (z - bl) * a0 * a0 / 2 - al * (a0 * a0 / 2 * Math.log(a0) - a0 * a0 / 4);
        double i0 = (z - bl) * (a0 - cross) - al * (g(a0) - g(cross));
        double left = 2 * i1 - 2 * i0;
        // spline pieces
        double spline = 0;
        for (int j = 0; j < slope.length; j++) {
            double u0 = pieceLevel[j];
            double u1 = pieceLevel[j + 1];
            double m = slope[j];
            double c = pieceValue[j];
            double big = z - c + m * u0;
            double at = Math.min(u1, Math.max(u0, u0 + (z - c) / m));
            double j1 = big * (u1 * u1 - u0 * u0) / 2 - m * (u1 * u1 * u1 - u0 * u0 * u0) / 3;
            double j0 = big * (u1 - at) - m * (u1 * u1 - at * at) / 2;
            spline += 2 * j1 - 2 * j0;
        }
        // right tail on [α_{K−1}, 1): q = a·ln(1 − α) + b with a < 0, integrated in t = 1 − α
        double tk = 1 - levels[last];
        double ar = -1 / betaRight;
        double br = knots[last] - ar * Math.log(tk);
        double tCross = Math.min(Math.exp((z - br) / ar), tk);
        double k1 = (z - br) * (tk - tk * tk / 2) - ar * (g(tk) - h(tk));
        double k0 = (z - br) * tCross - ar * g(tCross);
        double right = 2 * k1 - 2 * k0;
        return new CrpsParts(scale * left, scale * spline, scale * right);
    }

    /** ∫ ln t dt = t·ln t − t, with its limit 0 at t = 0. */
    private static double g(double t) {
        return t <= 0 ? 0 : t * Math.log(t) - t;
    }

    /** ∫ t·ln t dt = t²/2·ln t − t²/4. */
    private static double h(double t) {
        return t <= 0 ? 0 : t * t / 2 * Math.log(t) - t * t / 4;
    }

    /** The three parts of the closed-form CRPS. */
    public record CrpsParts(double leftTail, double spline, double rightTail) {
        public double total() {
            return leftTail + spline + rightTail;
        }
    }

    @Override
    public double[] knotLevels() {
        return levels.clone();
    }

    public int knotCount() {
        return levels.length;
    }

    public int pieces() {
        return pieces;
    }

    public double[] knotValues() {
        return knots.clone();
    }

    public double[] xFractions() {
        return xFractions.clone();
    }

    public double[] yFractions() {
        return yFractions.clone();
    }

    public double betaLeft() {
        return betaLeft;
    }

    public double betaRight() {
        return betaRight;
    }

    public double loc() {
        return loc;
    }

    public double scale() {
        return scale;
    }

    @Override
    public String toString() {
        return "Isqf[K=" + levels.length + ", P=" + pieces + ", loc=" + loc + ", scale=" + scale + "]";
    }
}
