package dev.qfl.stdlib.dist;

/**
 * The spline quantile function (SQF): a piecewise-linear q on [0, 1] with learned knot positions,
 * q(α) = γ + Σ_l b_l·max(α − d_l, 0), where d_0 = 0 < d_1 < ... are the knot levels and b the
 * changes of slope (the slopes m_l are positive, so q is strictly increasing). It is bounded:
 * q(0) = γ and q(1) = γ + Σ m_l·s_l. Scaled by {@code scale} (q·scale).
 */
public final class SplineQuantileFunction implements QuantileFunction {
    private final double gamma;
    private final double[] knots;     // d_l
    private final double[] slopes;    // m_l on [d_l, d_{l+1})
    private final double[] values;    // q at d_l
    private final double scale;

    /**
     * @param gamma   q(0)
     * @param slopes  L positive slopes
     * @param spacing L positive widths summing to 1 (the pieces' level spans)
     * @param scale   positive factor applied to every value
     */
    public SplineQuantileFunction(double gamma, double[] slopes, double[] spacing, double scale) {
        int n = slopes.length;
        if (n == 0 || spacing.length != n || !(scale > 0)) {
            throw new IllegalArgumentException("need as many spacings as slopes, and a positive scale");
        }
        double total = 0;
        for (int l = 0; l < n; l++) {
            if (!(slopes[l] > 0) || !(spacing[l] > 0)) {
                throw new IllegalArgumentException("slopes and spacings must be positive");
            }
            total += spacing[l];
        }
        if (Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("spacings must sum to 1");
        }
        this.gamma = gamma;
        this.slopes = slopes.clone();
        this.scale = scale;
        this.knots = new double[n];
        this.values = new double[n + 1];
        values[0] = gamma;
        for (int l = 0; l < n; l++) {
            knots[l] = l == 0 ? 0 : knots[l - 1] + spacing[l - 1];
            values[l + 1] = values[l] + slopes[l] * spacing[l];
        }
    }

    @Override
    public double quantile(double level) {
        double a = Math.min(1, Math.max(0, level));
        int l = piece(a);
        return scale * (values[l] + slopes[l] * (a - knots[l]));
    }

    private int piece(double a) {
        int l = knots.length - 1;
        while (l > 0 && knots[l] > a) {
            l--;
        }
        return l;
    }

    @Override
    public double cdf(double x) {
        double z = x / scale;
        if (z <= gamma) {
            return 0;
        }
        if (z >= values[knots.length]) {
            return 1;
        }
        int l = knots.length - 1;
        while (l > 0 && values[l] > z) {
            l--;
        }
        return Math.min(1, knots[l] + (z - values[l]) / slopes[l]);
    }

    /** Closed form: (2ũ − 1)(z − γ) + Σ b_l[(1 − d_l³)/3 − d_l − D_l² + 2·D_l·d_l], D_l = max(ũ, d_l). */
    @Override
    public double crps(double y) {
        double z = y / scale;
        double u = cdf(y);
        double sum = (2 * u - 1) * (z - gamma);
        for (int l = 0; l < knots.length; l++) {
            double b = l == 0 ? slopes[0] : slopes[l] - slopes[l - 1];
            double d = knots[l];
            double big = Math.max(u, d);
            sum += b * ((1 - d * d * d) / 3 - d - big * big + 2 * big * d);
        }
        return scale * sum;
    }

    @Override
    public double[] knotLevels() {
        return knots.clone();
    }
}
