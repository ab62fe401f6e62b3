package dev.qfl.stdlib.models.arima;

import java.util.Arrays;

/**
 * Autocovariances γ(0..count-1) of a stationary ARMA process φ(B) y = θ(B) ε with unit innovation
 * variance, in O(p² + count · (p + nonzero MA terms)) and without allocating: a workspace for one pair
 * of degrees, reused across the optimiser's evaluations (not thread-safe).
 *
 * <p>y = θ(B) x with x the pure AR process φ(B) x = ε. The autocorrelations of x come from its
 * partial autocorrelations: the step-down (reverse Levinson–Durbin) recursion takes the AR
 * coefficients to the partial autocorrelations and keeps the coefficients of every lower order,
 * each of which reproduces the next autocorrelation from the earlier ones; γx(0) = 1 / Π(1 - π_k²).
 * Further lags follow the AR recursion, and γy(k) = Σ_i Σ_j θ_i θ_j γx(k - i + j) over the non-zero
 * MA terms (two passes, each O(count · terms)). A seasonal AR polynomial of degree p = 106 (m = 52, P = 2) costs p²/2 operations this
 * way, against p³/3 for solving the Yule–Walker-type system directly.
 */
final class ArmaAutocovariances {

    private final int count;
    /** Row k (length p + 1 each) holds the AR coefficients of order k from the step-down recursion. */
    private final double[] orders;
    /** γx(0 .. count - 1 + MA degree), and the result γy(0 .. count - 1). */
    private final double[] ar;
    private final double[] values;
    /** Σ_b θ_b γx(|h + l_b|) for h = -(MA degree) .. count - 1. */
    private final double[] mixed;
    private final int[] maLags;
    private final double[] maValues;
    private final int arDegree;

    ArmaAutocovariances(int arDegree, int maDegree, int count) {
        this.arDegree = arDegree;
        this.count = count;
        this.orders = new double[(arDegree + 1) * (arDegree + 1)];
        this.ar = new double[Math.max(arDegree + 1, count + maDegree)];
        this.values = new double[count];
        this.mixed = new double[count + maDegree];
        this.maLags = new int[maDegree + 1];
        this.maValues = new double[maDegree + 1];
    }

    /**
     * Computes the autocovariances of the ARMA model with AR coefficients {@code phi} (1 - Σ φ_i B^i,
     * degree at most the workspace's) and MA coefficients {@code theta} (1 + Σ θ_j B^j); false when
     * the AR polynomial is not stationary.
     */
    boolean compute(double[] phi, double[] theta) {
        int p = phi.length;
        if (p > arDegree || theta.length > maValues.length - 1) {
            throw new IllegalArgumentException("polynomial degrees beyond the workspace's");
        }
        if (!autoregressive(phi)) {
            return false;
        }
        int terms = 0;
        maLags[terms] = 0;
        maValues[terms++] = 1;
        for (int j = 0; j < theta.length; j++) {
            if (theta[j] != 0) {
                maLags[terms] = j + 1;
                maValues[terms++] = theta[j];
            }
        }
        // γy(k) = Σ_a θ_a g(k - l_a), g(h) = Σ_b θ_b γx(|h + l_b|), h from -q (index 0 of mixed)
        int q = maValues.length - 1;
        for (int h = -q; h < count; h++) {
            double sum = 0;
            for (int b = 0; b < terms; b++) {
                sum += maValues[b] * ar[Math.abs(h + maLags[b])];
            }
            mixed[h + q] = sum;
        }
        for (int k = 0; k < count; k++) {
            double sum = 0;
            for (int a = 0; a < terms; a++) {
                sum += maValues[a] * mixed[k - maLags[a] + q];
            }
            values[k] = sum;
        }
        return values[0] > 0;
    }

    /** γy(0 .. count - 1) of the last successful {@link #compute}; the array is the workspace's own. */
    double[] values() {
        return values;
    }

    /** Fills {@link #ar} with γx; false when a partial autocorrelation is not inside (-1, 1). */
    private boolean autoregressive(double[] phi) {
        int p = phi.length;
        int width = arDegree + 1;
        Arrays.fill(ar, 0);
        System.arraycopy(phi, 0, orders, p * width + 1, p);
        double variance = 1;
        for (int k = p; k >= 1; k--) {
            double partial = orders[k * width + k];
            double remaining = 1 - partial * partial;
            if (!(remaining > 0)) {
                return false;
            }
            variance /= remaining;
            for (int j = 1; j < k; j++) {
                orders[(k - 1) * width + j] = (orders[k * width + j] + partial * orders[k * width + k - j]) / remaining;
            }
        }
        ar[0] = variance;
        for (int k = 1; k <= p; k++) {
            double value = 0;
            for (int j = 1; j <= k; j++) {
                value += orders[k * width + j] * ar[k - j];
            }
            ar[k] = value;
        }
        for (int k = p + 1; k < ar.length; k++) {
            double value = 0;
            for (int i = 1; i <= p; i++) {
                value += phi[i - 1] * ar[k - i];
            }
            ar[k] = value;
        }
        return Double.isFinite(variance);
    }
}
