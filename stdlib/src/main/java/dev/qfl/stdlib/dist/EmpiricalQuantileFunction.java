package dev.qfl.stdlib.dist;

import java.util.Arrays;

/**
 * The quantile function of a sample, usable at any level in (0, 1).
 *
 * <p>With the sample sorted as x₀ ≤ … ≤ x_{n−1}, the i-th order statistic sits at the plotting
 * position p_i = (i + ½)/n (Hazen's positions, R's type 5). Between p₀ and p_{n−1} the function is
 * the straight line through those points; outside it continues with exponential tails:
 * <pre>
 *   q(α) = x₀ + a·log(α/p₀)                        for α &lt; p₀
 *   q(α) = x_{n−1} − b·log((1−α)/(1−p_{n−1}))      for α &gt; p_{n−1}
 * </pre>
 * The function is continuous and non-decreasing; runs of tied values are flat stretches (point
 * masses of the distribution) and {@link #cdf} is the right-continuous inverse, so cdf(q(α)) = α
 * wherever q strictly increases and the CDF jumps over flat stretches.
 *
 * <p><b>Why tails at all.</b> A sample of n values says nothing about the outermost 1/(2n) of
 * probability on each side. Stopping at the sample extremes would claim that the outcome can never
 * go beyond the largest value ever seen, which is badly overconfident for the short histories
 * forecasting works with (a 99.9% quantile from 50 errors). An exponential tail is the plainest
 * unbounded continuation: it needs one scale per side and has closed-form quantile, CDF and CRPS.
 *
 * <p><b>Why this scale.</b> The scale is chosen so that the tail starts with the same slope dq/dα as
 * the outermost stretch of the sample: the density just beyond the extreme equals the density of
 * the outermost interval, so the tail carries on the spacing the sample shows instead of inventing
 * a new one. Without ties that gives a = (x₁ − x₀)/2 and b = (x_{n−1} − x_{n−2})/2. When the extreme
 * value is tied k times, the slope is averaged over the tie run and the step to the next distinct
 * value, so a = (x_k − x₀)/(2k). A sample whose values are all equal (including n = 1) has no
 * spacing: both scales are 0 and the distribution is a point mass (q constant, cdf a step).
 *
 * <p>A shifted copy ({@link #shifted}) shares the sorted sample, so a forecast can hand out one
 * function per horizon step without copying the errors each time. Instances are immutable.
 */
public final class EmpiricalQuantileFunction implements QuantileFunction {
    /** The sorted sample before the shift; shared by shifted copies and never written to. */
    private final double[] sorted;
    /** Added to every sample value. All arithmetic happens on shifted values, see {@link #value}. */
    private final double offset;
    private final double leftScale;
    private final double rightScale;

    private EmpiricalQuantileFunction(double[] sorted, double offset) {
        this.sorted = sorted;
        this.offset = offset;
        int n = sorted.length;
        // Scales are computed on the shifted values so that quantile and cdf agree exactly at knots.
        int firstAbove = 1;
        while (firstAbove < n && value(firstAbove) <= value(0)) {
            firstAbove++;
        }
        leftScale = firstAbove < n ? (value(firstAbove) - value(0)) / (2.0 * firstAbove) : 0.0;
        int lastBelow = n - 2;
        while (lastBelow >= 0 && value(lastBelow) >= value(n - 1)) {
            lastBelow--;
        }
        rightScale = lastBelow >= 0 ? (value(n - 1) - value(lastBelow)) / (2.0 * (n - 1 - lastBelow)) : 0.0;
    }

    /**
     * The quantile function of {@code sample} (copied; order does not matter).
     *
     * @throws IllegalArgumentException when the sample is empty or holds a NaN or infinite value
     */
    public static EmpiricalQuantileFunction of(double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("an empirical quantile function needs at least one value");
        }
        double[] copy = sample.clone();
        for (double v : copy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample value is not finite: " + v);
            }
        }
        Arrays.sort(copy);
        return new EmpiricalQuantileFunction(copy, 0.0);
    }

    /** The same distribution moved by {@code delta}: q'(α) = q(α) + delta. */
    public EmpiricalQuantileFunction shifted(double delta) {
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("shift is not finite: " + delta);
        }
        return new EmpiricalQuantileFunction(sorted, offset + delta);
    }

    /** Sample size n. */
    public int size() {
        return sorted.length;
    }

    /** The sorted sample, shift included (a copy). */
    public double[] sortedSample() {
        double[] out = new double[sorted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i);
        }
        return out;
    }

    /** Plotting position of the i-th order statistic (0-based): (i + ½)/n. */
    public double position(int i) {
        return (i + 0.5) / sorted.length;
    }

    /** Scale a of the left exponential tail (0 when the sample has no spread below its minimum). */
    public double leftTailScale() {
        return leftScale;
    }

    /** Scale b of the right exponential tail (0 when the sample has no spread above its maximum). */
    public double rightTailScale() {
        return rightScale;
    }

    private double value(int i) {
        return sorted[i] + offset;
    }

    @Override
    public double quantile(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must lie in (0, 1), got " + level);
        }
        int n = sorted.length;
        double t = level * n - 0.5; // fractional index of the order statistic at this level
        if (t <= 0) {
            // min(...) guards against log(level/p₀) rounding to a tiny positive number at the edge.
            return Math.min(value(0), value(0) + leftScale * Math.log(level / position(0)));
        }
        if (t >= n - 1) {
            double tail = (1.0 - level) / (1.0 - position(n - 1));
            return Math.max(value(n - 1), value(n - 1) - rightScale * Math.log(tail));
        }
        int i = (int) t;
        double lo = value(i);
        double hi = value(i + 1);
        // Clamping keeps neighbouring pieces from overlapping by a rounding error at the knot.
        return Math.min(hi, Math.max(lo, lo + (t - i) * (hi - lo)));
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        int n = sorted.length;
        double first = value(0);
        double last = value(n - 1);
        if (x < first) {
            return leftScale > 0 ? position(0) * Math.exp((x - first) / leftScale) : 0.0;
        }
        if (x >= last) {
            if (rightScale == 0) {
                return 1.0; // the top of the sample is the end of the support
            }
            return 1.0 - (1.0 - position(n - 1)) * Math.exp(-(x - last) / rightScale);
        }
        int i = lastIndexAtOrBelow(x); // 0 ≤ i ≤ n − 2 and value(i) ≤ x < value(i + 1)
        double lo = value(i);
        double hi = value(i + 1);
        double level = position(i) + (x - lo) / (hi - lo) / n;
        return Math.min(position(i + 1), Math.max(position(i), level));
    }

    /** Largest i with value(i) ≤ x, for value(0) ≤ x < value(n − 1). */
    private int lastIndexAtOrBelow(double x) {
        int lo = 0;
        int hi = sorted.length - 1; // invariant: value(lo) ≤ x < value(hi)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (value(mid) <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Closed form, piece by piece; see {@link EmpiricalCrps}. */
    @Override
    public double crps(double y) {
        int n = sorted.length;
        double sum = EmpiricalCrps.leftTail(y, value(0), leftScale, position(0));
        for (int i = 0; i + 1 < n; i++) {
            sum += EmpiricalCrps.linearPiece(y, position(i), position(i + 1), value(i), value(i + 1));
        }
        sum += EmpiricalCrps.rightTail(y, value(n - 1), rightScale, 1.0 - position(n - 1));
        return sum;
    }

    /** Closed form: the trapezoids between knots plus the two tails. */
    @Override
    public double mean() {
        int n = sorted.length;
        double inner = 0;
        for (int i = 0; i + 1 < n; i++) {
            inner += 0.5 * (value(i) + value(i + 1));
        }
        double tailMass = 0.5 / n;
        // ∫ of x₀ + a·log(α/p₀) over (0, p₀] is p₀(x₀ − a); the right tail mirrors it.
        return inner / n + tailMass * (value(0) - leftScale) + tailMass * (value(n - 1) + rightScale);
    }

    /**
     * The two levels where the sample ends and the tails begin, p₀ and p_{n−1}. Every plotting
     * position is a kink, but marking hundreds of them would only clutter a plot.
     */
    @Override
    public double[] knotLevels() {
        int n = sorted.length;
        return n == 1 ? new double[] {position(0)} : new double[] {position(0), position(n - 1)};
    }

    @Override
    public String toString() {
        return "EmpiricalQuantileFunction[n=" + sorted.length + ", min=" + value(0) + ", max="
                + value(sorted.length - 1) + "]";
    }
}
