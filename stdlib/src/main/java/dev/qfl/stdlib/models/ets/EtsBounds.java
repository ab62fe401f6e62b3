package dev.qfl.stdlib.models.ets;

/**
 * Which smoothing parameters the fit may use: R's "both" bounds, i.e. the usual region
 * (alpha, beta, gamma in [1e-4, 0.9999], beta &lt;= alpha, gamma &lt;= 1 - alpha, phi in [0.8, 0.98]) intersected
 * with the admissible (forecastable) region of Hyndman et al. (2008), whose seasonal part asks that the
 * characteristic polynomial have all its roots in the unit disc.
 */
final class EtsBounds {

    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOWER = 0.8;
    static final double PHI_UPPER = 0.98;

    private EtsBounds() {
    }

    /**
     * True when the parameters lie in both regions. {@code beta}, {@code gamma} and {@code phi} are only
     * read when the model has the matching component.
     *
     * @param work scratch of length at least 2(m + 2) for the polynomial test (seasonal models only)
     */
    static boolean allowed(EtsSpec spec, int m, double alpha, double beta, double gamma, double phi, double[] work) {
        if (!(alpha >= LOWER && alpha <= UPPER)) {
            return false;
        }
        if (spec.trend() && !(beta >= LOWER && beta <= alpha && beta <= UPPER)) {
            return false;
        }
        if (spec.damped() && !(phi >= PHI_LOWER && phi <= PHI_UPPER)) {
            return false;
        }
        if (spec.seasonal() && !(gamma >= LOWER && gamma <= 1 - alpha && gamma <= UPPER)) {
            return false;
        }
        return admissible(spec, m, alpha, spec.trend() ? beta : 0.0, gamma, spec.damped() ? phi : 1.0, work);
    }

    private static boolean admissible(EtsSpec spec, int m, double alpha, double beta, double gamma, double phi,
                                      double[] work) {
        if (phi < 0 || phi > 1 + 1e-8) {
            return false;
        }
        if (!spec.seasonal()) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
                return false;
            }
            return !spec.trend() || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
        }
        if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha)) {
            return false;
        }
        // Characteristic polynomial, coefficients of z^0 .. z^(m+1).
        final int degree = m + 1;
        work[0] = phi * (1 - alpha - gamma);
        work[1] = alpha + beta - alpha * phi + gamma - 1;
        for (int k = 2; k < m; k++) {
            work[k] = alpha + beta - alpha * phi;
        }
        work[m] = alpha + beta - phi;
        work[degree] = 1.0;
        return rootsInsideDisc(work, degree, 1 + 1e-10);
    }

    /**
     * Schur–Cohn test: are all roots of {@code sum c[k] z^k} (degree d, coefficients in {@code c[0..d]}; {@code c}
     * needs length 2(d + 1) and is overwritten) of modulus at most {@code radius}? Substituting z = radius * w reduces it to the open
     * unit disc, where a polynomial qualifies iff |c_0| &lt; |c_d| and its Schur transform (degree d - 1) does.
     */
    static boolean rootsInsideDisc(double[] c, int degree, double radius) {
        double scale = 1.0;
        for (int k = 0; k <= degree; k++) {
            c[k] *= scale;
            scale *= radius;
        }
        for (int d = degree; d >= 1; d--) {
            final double lead = c[d];
            final double constant = c[0];
            if (!(Math.abs(constant) < Math.abs(lead))) {
                return false;
            }
            // Transform: (lead * p(z) - constant * z^d p(1/z)) / z, built in the upper half of c.
            final int shadow = degree + 1;
            for (int k = 0; k < d; k++) {
                c[shadow + k] = lead * c[k + 1] - constant * c[d - 1 - k];
            }
            // Rescale so many steps neither overflow nor underflow.
            double largest = 0.0;
            for (int k = 0; k < d; k++) {
                largest = Math.max(largest, Math.abs(c[shadow + k]));
            }
            if (largest == 0.0) {
                return false;
            }
            for (int k = 0; k < d; k++) {
                c[k] = c[shadow + k] / largest;
            }
        }
        return true;
    }
}
