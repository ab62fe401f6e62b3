package dev.qfl.stdlib.models.arima;

import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;

/**
 * Polynomial arithmetic of seasonal ARMA models. Conventions: an AR polynomial is
 * 1 - a1 B - a2 B^2 - ... and is stored as {a1, a2, ...}; an MA polynomial is 1 + b1 B + ... and is
 * stored as {b1, b2, ...}.
 */
final class ArmaPolynomials {

    private ArmaPolynomials() {
    }

    /**
     * Maps unconstrained values to the coefficients of a stationary AR polynomial of the same order:
     * each value becomes a partial autocorrelation in (-1, 1) through tanh, and the Durbin–Levinson
     * recursion turns partial autocorrelations into coefficients. Every real vector lands inside the
     * stationary region, so the optimiser never has to be told where the region ends.
     */
    static void partialToCoefficients(double[] free, int from, int count, double[] out) {
        double[] previous = new double[count];
        for (int k = 0; k < count; k++) {
            double r = Math.tanh(free[from + k]);
            for (int j = 0; j < k; j++) {
                out[j] = previous[j] - r * previous[k - 1 - j];
            }
            out[k] = r;
            System.arraycopy(out, 0, previous, 0, k + 1);
        }
    }

    /** The inverse of {@link #partialToCoefficients}, for a stationary polynomial. */
    static double[] coefficientsToPartial(double[] coefficients) {
        int count = coefficients.length;
        double[] current = coefficients.clone();
        double[] free = new double[count];
        for (int k = count - 1; k >= 0; k--) {
            double r = current[k];
            if (Math.abs(r) >= 1) {
                throw new IllegalArgumentException("the polynomial is not stationary");
            }
            free[k] = atanh(r);
            double[] lower = new double[k];
            for (int j = 0; j < k; j++) {
                lower[j] = (current[j] + r * current[k - 1 - j]) / (1 - r * r);
            }
            current = lower;
        }
        return free;
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    /** AR coefficients of φ(B)Φ(B^m), degree p + mP. */
    static double[] expandAr(double[] phi, double[] seasonalPhi, int season) {
        return expand(phi, seasonalPhi, season, -1);
    }

    /** MA coefficients of θ(B)Θ(B^m), degree q + mQ. */
    static double[] expandMa(double[] theta, double[] seasonalTheta, int season) {
        return expand(theta, seasonalTheta, season, 1);
    }

    /**
     * Multiplies (1 + sign·Σ a_i B^i)(1 + sign·Σ s_j B^{jm}) and returns the non-constant
     * coefficients in the same signed convention.
     */
    private static double[] expand(double[] regular, double[] seasonal, int season, int sign) {
        int degree = regular.length + season * seasonal.length;
        double[] product = new double[degree + 1];
        for (int j = 0; j <= seasonal.length; j++) {
            double s = j == 0 ? 1 : sign * seasonal[j - 1];
            for (int i = 0; i <= regular.length; i++) {
                double r = i == 0 ? 1 : sign * regular[i - 1];
                product[i + j * season] += r * s;
            }
        }
        double[] out = new double[degree];
        for (int k = 1; k <= degree; k++) {
            out[k - 1] = sign * product[k];
        }
        return out;
    }

    /**
     * Smallest modulus of the roots of 1 + sign·Σ c_k z^k (sign -1 for AR, +1 for MA); 2 when
     * the polynomial is constant. A seasonal factor in B^m is checked on its own and its root moduli
     * taken to the power 1/m, which is the modulus of the roots of the expanded product.
     */
    static double minRootModulus(double[] coefficients, int sign, int season) {
        int last = coefficients.length - 1;
        while (last >= 0 && Math.abs(coefficients[last]) <= 1e-8) {
            last--;
        }
        if (last < 0) {
            return 2;
        }
        double[] poly = new double[last + 2];
        poly[0] = 1;
        for (int k = 0; k <= last; k++) {
            poly[k + 1] = sign * coefficients[k];
        }
        double smallest = Double.POSITIVE_INFINITY;
        if (last == 0) {
            smallest = Math.abs(1 / poly[1]);
        } else {
            Complex[] roots = new LaguerreSolver(1e-12).solveAllComplex(poly, 0.0);
            for (Complex root : roots) {
                smallest = Math.min(smallest, root.abs());
            }
        }
        return Math.pow(smallest, 1.0 / season);
    }

    /** ψ0..ψ(count-1) of the MA(∞) form of an ARMA model with AR {@code ar} and MA {@code ma}. */
    static double[] psiWeights(double[] ar, double[] ma, int count) {
        double[] psi = new double[count];
        for (int j = 0; j < count; j++) {
            double value = j == 0 ? 1 : (j <= ma.length ? ma[j - 1] : 0);
            int top = Math.min(j, ar.length);
            for (int i = 1; i <= top; i++) {
                value += ar[i - 1] * psi[j - i];
            }
            psi[j] = value;
        }
        return psi;
    }

    /**
     * AR coefficients of the whole non-stationary operator φ(B)Φ(B^m)(1-B)^d(1-B^m)^D, so that the
     * undifferenced series follows an ARMA recursion with these (non-stationary) coefficients.
     */
    static double[] integratedAr(double[] ar, int d, int seasonalD, int season) {
        double[] poly = new double[ar.length + 1];
        poly[0] = 1;
        for (int i = 0; i < ar.length; i++) {
            poly[i + 1] = -ar[i];
        }
        for (int k = 0; k < d; k++) {
            poly = multiplyByOneMinusLag(poly, 1);
        }
        for (int k = 0; k < seasonalD; k++) {
            poly = multiplyByOneMinusLag(poly, season);
        }
        double[] out = new double[poly.length - 1];
        for (int k = 1; k < poly.length; k++) {
            out[k - 1] = -poly[k];
        }
        return out;
    }

    private static double[] multiplyByOneMinusLag(double[] poly, int lag) {
        double[] out = new double[poly.length + lag];
        for (int i = 0; i < poly.length; i++) {
            out[i] += poly[i];
            out[i + lag] -= poly[i];
        }
        return out;
    }
}
