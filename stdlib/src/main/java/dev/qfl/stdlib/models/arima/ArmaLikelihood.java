package dev.qfl.stdlib.models.arima;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Likelihoods of a zero-mean stationary ARMA model for one (differenced, demeaned) series.
 *
 * <p>The exact likelihood runs a Kalman filter on the state-space form y_t = α_t[0],
 * α_{t+1} = T α_t + R ε_{t+1}, with T the companion matrix (AR coefficients down the first column,
 * ones above the diagonal) and R = (1, θ1, ..., θ_{r-1}), r = max(AR degree, MA degree + 1). The
 * filter starts from the stationary covariance of the state, built without solving an r²-sized
 * Lyapunov system (r passes 100 with m = 52): the covariance of the forecasts E_t[y_{t+j}] is the
 * autocovariance less the ψ terms of the shocks still to come (O(r²)), and the companion state is
 * a banded linear map of those forecasts. Once the innovation variance has reached its floor of 1
 * (in units of σ²) the filter has converged and the covariance updates are skipped.
 *
 * <p>One instance is a workspace for one series and one state dimension: not thread-safe, reused
 * across the optimiser's evaluations so the likelihood loop allocates nothing.
 */
final class ArmaLikelihood {

    /** The innovation variance (relative to σ²) at which the filter counts as converged. */
    private static final double STEADY_VARIANCE = 1 + 1e-9;

    private final double[] series;
    private final int r;
    private final double[] transition;
    private final double[] shockLoading;
    private final double[] state;
    private final double[] covariance;
    private final double[] scratch;

    /** Sums of the last {@link #exact} or {@link #conditional} run. */
    double sumOfSquares;
    double sumOfLogVariances;
    int used;

    ArmaLikelihood(double[] series, int arDegree, int maDegree) {
        this.series = series;
        this.r = Math.max(Math.max(arDegree, maDegree + 1), 1);
        this.transition = new double[r];
        this.shockLoading = new double[r];
        this.state = new double[r];
        this.covariance = new double[r * r];
        this.scratch = new double[r * r];
    }

    /**
     * Concentrated exact negative log-likelihood per observation (σ² profiled out):
     * ½ log(S/n) + ½ Σ log F_t / n. The deviations are series - mean.
     */
    double exact(double[] ar, double[] ma, double mean) {
        if (!filter(ar, ma, mean)) {
            return Double.NaN;
        }
        return 0.5 * Math.log(sumOfSquares / used) + 0.5 * sumOfLogVariances / used;
    }

    /**
     * Conditional sum of squares objective ½ log(S/n): residuals from the ARMA recursion started
     * after the first (AR degree) observations with earlier residuals taken as zero.
     */
    double conditional(double[] ar, double[] ma, double mean, double[] residuals) {
        int n = series.length;
        int start = ar.length;
        double ssq = 0;
        for (int t = 0; t < n; t++) {
            if (t < start) {
                residuals[t] = 0;
                continue;
            }
            double e = series[t] - mean;
            for (int i = 0; i < ar.length; i++) {
                double a = ar[i];
                if (a != 0) {
                    e -= a * (series[t - 1 - i] - mean);
                }
            }
            int top = Math.min(ma.length, t - start);
            for (int j = 0; j < top; j++) {
                double b = ma[j];
                if (b != 0) {
                    e -= b * residuals[t - 1 - j];
                }
            }
            residuals[t] = e;
            ssq += e * e;
        }
        sumOfSquares = ssq;
        sumOfLogVariances = 0;
        used = n - start;
        return used > 0 ? 0.5 * Math.log(ssq / used) : Double.NaN;
    }

    /** The predicted state a_{n+1|n} after the last {@link #exact} run (deviations from the mean). */
    double[] finalState() {
        return state.clone();
    }

    private boolean filter(double[] ar, double[] ma, double mean) {
        java.util.Arrays.fill(transition, 0);
        java.util.Arrays.fill(shockLoading, 0);
        System.arraycopy(ar, 0, transition, 0, ar.length);
        shockLoading[0] = 1;
        System.arraycopy(ma, 0, shockLoading, 1, ma.length);
        if (!stationaryCovariance(ar, ma)) {
            return false;
        }
        java.util.Arrays.fill(state, 0);
        double ssq = 0;
        double sumLog = 0;
        boolean steady = false;
        for (int t = 0; t < series.length; t++) {
            double innovation = series[t] - mean - state[0];
            double variance = covariance[0];
            if (!(variance > 0)) {
                return false;
            }
            ssq += innovation * innovation / variance;
            sumLog += Math.log(variance);
            // update with y_t, then predict t+1; once converged, P stays at R R' and the gain at R.
            double ratio = innovation / variance;
            double first = state[0] + covariance[0] * ratio;
            for (int i = 0; i < r - 1; i++) {
                state[i] = transition[i] * first + state[i + 1] + covariance[(i + 1) * r] * ratio;
            }
            state[r - 1] = transition[r - 1] * first;
            if (!steady) {
                predictCovariance(variance);
                steady = covariance[0] <= STEADY_VARIANCE;
            }
        }
        sumOfSquares = ssq;
        sumOfLogVariances = sumLog;
        used = series.length;
        return used > 0;
    }

    /** P ← T (P - P e1 e1' P / F) T' + R R', exploiting T's companion structure (O(r²)). */
    private void predictCovariance(double variance) {
        // The updated covariance U = P - P[:,0] P[0,:] / F has a zero first row and column (y_t is
        // the first state without noise), so (T U T')[i][j] = U[i+1][j+1] whatever the AR
        // coefficients: the update is a shift, a rank-one downdate and R R', one pass over a triangle.
        double[] p = covariance;
        double[] next = scratch;
        double inverse = 1 / variance;
        for (int i = 0; i < r; i++) {
            double ri = shockLoading[i];
            if (i + 1 == r) {
                next[i * r + i] = ri * ri;
                continue;
            }
            int row = (i + 1) * r;
            double scaled = p[row] * inverse;
            for (int j = i; j < r - 1; j++) {
                double value = p[row + j + 1] - scaled * p[j + 1] + ri * shockLoading[j];
                next[i * r + j] = value;
                next[j * r + i] = value;
            }
            double value = ri * shockLoading[r - 1];
            next[i * r + r - 1] = value;
            next[(r - 1) * r + i] = value;
        }
        System.arraycopy(next, 0, p, 0, r * r);
    }

    /** Fills {@link #covariance} with the stationary state covariance (σ² = 1); false if not stationary. */
    private boolean stationaryCovariance(double[] ar, double[] ma) {
        double[] psi = ArmaPolynomials.psiWeights(ar, ma, r);
        double[] gamma = autocovariances(ar, ma, psi, r);
        if (gamma == null) {
            return false;
        }
        for (int j = 0; j < r; j++) {
            covariance[j] = gamma[j];
            covariance[j * r] = gamma[j];
        }
        for (int i = 1; i < r; i++) {
            for (int j = i; j < r; j++) {
                double value = covariance[(i - 1) * r + j - 1] - psi[i - 1] * psi[j - 1];
                covariance[i * r + j] = value;
                covariance[j * r + i] = value;
            }
        }
        toCompanionState(ar);
        return true;
    }

    /**
     * The covariance above is that of the forecasts x(j) = E_t[y_{t+j}]. The companion state
     * α(j) is what remains of x(j) after the AR terms on x(0..j-1), α = L x with L unit lower
     * triangular and -a_k on its k-th subdiagonal, so P ← L P L' (cheap: L has AR-degree bands,
     * and only the non-zero AR coefficients are visited).
     */
    private void toCompanionState(double[] ar) {
        int count = 0;
        for (double a : ar) {
            if (a != 0) {
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        int[] lags = new int[count];
        double[] values = new double[count];
        for (int k = 0, at = 0; k < ar.length; k++) {
            if (ar[k] != 0) {
                lags[at] = k + 1;
                values[at++] = ar[k];
            }
        }
        double[] p = covariance;
        for (int j = 0; j < r; j++) {
            for (int c = 0; c < r; c++) {
                double value = p[j * r + c];
                for (int e = 0; e < count && lags[e] <= j; e++) {
                    value -= values[e] * p[(j - lags[e]) * r + c];
                }
                scratch[j * r + c] = value;
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double value = scratch[i * r + j];
                for (int e = 0; e < count && lags[e] <= j; e++) {
                    value -= values[e] * scratch[i * r + j - lags[e]];
                }
                p[i * r + j] = value;
            }
        }
    }

    /**
     * Autocovariances γ(0..count-1) of the ARMA process with unit innovation variance: the first
     * AR-degree + 1 from the linear system γ(k) - Σ a_i γ(|k-i|) = Σ_{j>=k} θ_j ψ_{j-k}, the rest by
     * the AR recursion. Null when the system is singular (a unit root).
     */
    static double[] autocovariances(double[] ar, double[] ma, double[] psiAtLeast, int count) {
        int p = ar.length;
        int q = ma.length;
        double[] psi = psiAtLeast.length > q ? psiAtLeast : ArmaPolynomials.psiWeights(ar, ma, q + 1);
        double[] rhs = new double[Math.max(p + 1, count)];
        for (int k = 0; k <= q && k < rhs.length; k++) {
            double sum = 0;
            for (int j = k; j <= q; j++) {
                double thetaJ = j == 0 ? 1 : ma[j - 1];
                sum += thetaJ * psi[j - k];
            }
            rhs[k] = sum;
        }
        double[] gamma = new double[Math.max(p + 1, count)];
        if (p == 0) {
            System.arraycopy(rhs, 0, gamma, 0, gamma.length);
        } else {
            double[][] system = new double[p + 1][p + 1];
            for (int k = 0; k <= p; k++) {
                system[k][k] += 1;
                for (int i = 1; i <= p; i++) {
                    system[k][Math.abs(k - i)] -= ar[i - 1];
                }
            }
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(system, false), 1e-12);
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            RealVector solution = lu.getSolver().solve(new ArrayRealVector(java.util.Arrays.copyOf(rhs, p + 1), false));
            for (int k = 0; k <= p; k++) {
                gamma[k] = solution.getEntry(k);
            }
            for (int k = p + 1; k < gamma.length; k++) {
                double value = rhs[k];
                for (int i = 1; i <= p; i++) {
                    value += ar[i - 1] * gamma[k - i];
                }
                gamma[k] = value;
            }
        }
        if (!(gamma[0] > 0)) {
            return null;
        }
        return gamma;
    }
}
