package dev.qfl.stdlib.models.arima;

import java.util.Arrays;

/**
 * Likelihoods of a zero-mean stationary ARMA model for one (differenced, demeaned) series.
 *
 * <p>The exact likelihood runs a Kalman filter on the state-space form y_t = α_t[0],
 * α_{t+1} = T α_t + R ε_{t+1}, with T the companion matrix (AR coefficients down the first column,
 * ones above the diagonal) and R = (1, θ1, ..., θ_{r-1}), r = max(AR degree, MA degree + 1).
 *
 * <p>The filter starts from the stationary state covariance P1, and because P1 is stationary
 * (T P1 T' + R R' = P1) the covariance changes by a rank-one term at every step. The Chandrasekhar
 * recursions carry that term instead of the covariance itself: each step costs O(r) rather than
 * the O(r²) of the usual covariance update, which is what makes m = 52 (r passes 100) affordable.
 * They need only the first column of P1 (its innovation variance and the first gain), which is
 * the autocovariances γ(0..r-1) put through the banded map from forecasts to companion state: no
 * r × r matrix is ever formed. Once the innovation variance has reached its floor of 1 (in units
 * of σ²) the filter has converged and the gain stays fixed.
 *
 * <p>One instance is a workspace for one series and one pair of degrees: not thread-safe, reused
 * across the optimiser's evaluations so the likelihood loops allocate nothing.
 */
final class ArmaLikelihood {

    /** The innovation variance (relative to σ²) at which the filter counts as converged. */
    private static final double STEADY_VARIANCE = 1 + 1e-9;

    private final double[] series;
    /** The series less the mean of the current evaluation (the CSS recursion reads each value several times). */
    private final double[] deviations;
    private final int r;
    private final double[] transition;
    private final double[] state;
    /** The filter's gain K = T P e1 and the direction W of the covariance's rank-one change. */
    private final double[] gain;
    private final double[] direction;
    private final ArmaAutocovariances autocovariances;
    /** The non-zero AR and MA coefficients and their lags: seasonal polynomials are mostly zeros. */
    private final int[] arLags;
    private final double[] arValues;
    private final int[] maLags;
    private final double[] maValues;
    private int arCount;
    private int maCount;

    /** Sums of the last {@link #exact} or {@link #conditional} run. */
    double sumOfSquares;
    double sumOfLogVariances;
    int used;

    ArmaLikelihood(double[] series, int arDegree, int maDegree) {
        this.series = series;
        this.deviations = new double[series.length];
        this.r = Math.max(Math.max(arDegree, maDegree + 1), 1);
        this.transition = new double[r];
        this.state = new double[r];
        this.gain = new double[r];
        this.direction = new double[r];
        this.autocovariances = new ArmaAutocovariances(arDegree, maDegree, r);
        this.arLags = new int[arDegree];
        this.arValues = new double[arDegree];
        this.maLags = new int[maDegree];
        this.maValues = new double[maDegree];
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
        sparse(ar, ma);
        int n = series.length;
        int start = ar.length;
        double[] centred = deviations;
        for (int t = 0; t < n; t++) {
            centred[t] = series[t] - mean;
        }
        double ssq = 0;
        for (int t = 0; t < n; t++) {
            if (t < start) {
                residuals[t] = 0;
                continue;
            }
            double e = centred[t];
            for (int k = 0; k < arCount; k++) {
                e -= arValues[k] * centred[t - arLags[k]];
            }
            // residuals before the start are zero, so only lags reaching back to it count
            for (int k = 0; k < maCount && maLags[k] <= t - start; k++) {
                e -= maValues[k] * residuals[t - maLags[k]];
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

    /** Lists the non-zero coefficients (in increasing lag order) of both polynomials. */
    private void sparse(double[] ar, double[] ma) {
        arCount = 0;
        for (int i = 0; i < ar.length; i++) {
            if (ar[i] != 0) {
                arLags[arCount] = i + 1;
                arValues[arCount++] = ar[i];
            }
        }
        maCount = 0;
        for (int j = 0; j < ma.length; j++) {
            if (ma[j] != 0) {
                maLags[maCount] = j + 1;
                maValues[maCount++] = ma[j];
            }
        }
    }

    private boolean filter(double[] ar, double[] ma, double mean) {
        sparse(ar, ma);
        Arrays.fill(transition, 0);
        System.arraycopy(ar, 0, transition, 0, ar.length);
        if (!startingGain(ar, ma)) {
            return false;
        }
        double variance = autocovariances.values()[0];
        // P2 - P1 = -K1 K1' / F1: the first rank-one change has direction K1 and weight -1 / F1
        System.arraycopy(gain, 0, direction, 0, r);
        double weight = -1 / variance;
        Arrays.fill(state, 0);
        double ssq = 0;
        double sumLog = 0;
        boolean steady = false;
        for (int t = 0; t < series.length; t++) {
            double innovation = series[t] - mean - state[0];
            if (!(variance > 0)) {
                return false;
            }
            ssq += innovation * innovation / variance;
            sumLog += Math.log(variance);
            // a(t+1) = T a(t) + K v / F
            double ratio = innovation / variance;
            double first = state[0];
            int last = r - 1;
            if (steady) {
                for (int i = 0; i < last; i++) {
                    state[i] = transition[i] * first + state[i + 1] + gain[i] * ratio;
                }
                state[last] = transition[last] * first + gain[last] * ratio;
                continue;
            }
            // with u = T W and z = W[0]: F' = F + M z², K' = K + M z u, W' = u - (z / F) K, M' = M F / F';
            // one pass for the state and the recursions (the state reads K before it moves on)
            double z = direction[0];
            double scaled = weight * z;
            double next = variance + scaled * z;
            double shift = z / variance;
            for (int i = 0; i < last; i++) {
                double k = gain[i];
                double a = transition[i];
                state[i] = a * first + state[i + 1] + k * ratio;
                double u = a * z + direction[i + 1];
                direction[i] = u - shift * k;
                gain[i] = k + scaled * u;
            }
            double k = gain[last];
            double a = transition[last];
            state[last] = a * first + k * ratio;
            double u = a * z;
            direction[last] = u - shift * k;
            gain[last] = k + scaled * u;
            weight *= variance / next;
            variance = next;
            steady = variance <= STEADY_VARIANCE;
        }
        sumOfSquares = ssq;
        sumOfLogVariances = sumLog;
        used = series.length;
        return used > 0;
    }

    /**
     * Puts the first gain K1 = T P1 e1 in {@link #gain} (F1 = P1[0][0] = γ(0)); false when the
     * model is not stationary.
     *
     * <p>P1 is the covariance of the companion state α = L x, where x(j) = E_t[y_{t+j}] and L is unit
     * lower triangular with -a_k on its k-th subdiagonal. Since L' e1 = e1, P1 e1 = L C e1, and the
     * first column of C, the covariance of the forecasts with y_t itself, is γ(0..r-1).
     */
    private boolean startingGain(double[] ar, double[] ma) {
        if (!autocovariances.compute(ar, ma)) {
            return false;
        }
        double[] gamma = autocovariances.values();
        double[] column = direction; // scratch: P1 e1
        for (int j = 0; j < r; j++) {
            double value = gamma[j];
            for (int e = 0; e < arCount && arLags[e] <= j; e++) {
                value -= arValues[e] * gamma[j - arLags[e]];
            }
            column[j] = value;
        }
        for (int i = 0; i < r - 1; i++) {
            gain[i] = transition[i] * column[0] + column[i + 1];
        }
        gain[r - 1] = transition[r - 1] * column[0];
        return true;
    }
}
