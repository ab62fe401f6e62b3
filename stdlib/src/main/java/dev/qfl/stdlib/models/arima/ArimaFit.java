package dev.qfl.stdlib.models.arima;

import dev.qfl.stdlib.models.local.SeriesFit;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A fitted seasonal ARIMA model and its forecasts.
 *
 * <p>Forecasts run the ARMA part of the differenced series forward from the Kalman filter's state
 * after the last observation, add the constant, and undo the differencing with the last observed
 * values. The variance of step h is σ² Σ_{j<h} ψ_j², with ψ the weights of the whole model
 * θ(B)Θ(B^m) / [φ(B)Φ(B^m)(1-B)^d(1-B^m)^D]; it leaves out the uncertainty of the final state
 * itself, which is nil once the filter has converged (any invertible model after a few seasons).
 * Sample paths draw Gaussian shocks through the same recursion, so their variance matches.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArimaFit implements SeriesFit {

    private final ArimaSpec spec;
    private final ArimaEstimator.Coefficients coefficients;
    private final double logLikelihood;
    private final double aic;
    private final double aicc;
    private final double sigma2;
    private final double[] state;
    private final double[] history;
    private final double[] integration;

    ArimaFit(ArimaEstimate estimate, double[] y) {
        this(estimate.spec(), estimate.coefficients(), estimate.logLikelihood(), estimate.aic(), estimate.aicc(),
                estimate.sigma2(), estimate.state(), y);
    }

    ArimaFit(ArimaSpec spec, ArimaEstimator.Coefficients coefficients, double logLikelihood, double aic, double aicc,
             double sigma2, double[] state, double[] y) {
        this.spec = spec;
        this.coefficients = coefficients;
        this.logLikelihood = logLikelihood;
        this.aic = aic;
        this.aicc = aicc;
        this.sigma2 = sigma2;
        int dimension = Math.max(Math.max(coefficients.ar().length, coefficients.ma().length + 1), 1);
        this.state = state == null ? new double[dimension] : state.clone();
        this.integration = ArmaPolynomials.integratedAr(new double[0], spec.d(), spec.seasonalD(), spec.season());
        this.history = Arrays.copyOfRange(y, Math.max(0, y.length - integration.length), y.length);
    }

    @Override
    public String label() {
        return spec.label();
    }

    /** Exact Gaussian log-likelihood of the differenced series (R's {@code logLik}); NaN for fallback fits. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Akaike's criterion, -2 logLik + 2 (coefficients + 1). */
    public double aic() {
        return aic;
    }

    /** AICc as forecast::Arima computes it (n = points after differencing). */
    public double aicc() {
        return aicc;
    }

    /** Innovation variance: residual sum of squares / (n - coefficients), as forecast::Arima (used for intervals). */
    public double sigma2() {
        return sigma2;
    }

    /** {p, d, q, P, D, Q, m}. */
    public int[] orders() {
        return new int[]{spec.p(), spec.d(), spec.q(), spec.seasonalP(), spec.seasonalD(), spec.seasonalQ(),
                spec.season()};
    }

    /** Whether a mean (d + D = 0) or drift (d + D = 1) was fitted. */
    public boolean hasConstant() {
        return spec.constant();
    }

    /**
     * The coefficients in R's order and sign convention: ar1..arp, ma1..maq, sar1..sarP, sma1..smaQ,
     * then the intercept or drift when fitted (AR polynomial 1 - Σ ar_i B^i, MA polynomial 1 + Σ ma_i B^i).
     */
    public double[] coefficients() {
        double[] out = new double[spec.coefficientCount()];
        int at = 0;
        for (double[] part : new double[][]{coefficients.phi(), coefficients.theta(), coefficients.seasonalPhi(),
                coefficients.seasonalTheta()}) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        if (spec.constant()) {
            out[at] = coefficients.mean() / spec.constantScale();
        }
        return out;
    }

    /** Names matching {@link #coefficients()}: ar1, ma1, sar1, sma1, intercept or drift (as R). */
    public String[] coefficientNames() {
        String[] out = new String[spec.coefficientCount()];
        int at = 0;
        at = names(out, at, "ar", spec.p());
        at = names(out, at, "ma", spec.q());
        at = names(out, at, "sar", spec.seasonalP());
        at = names(out, at, "sma", spec.seasonalQ());
        if (spec.constant()) {
            out[at] = spec.d() + spec.seasonalD() == 0 ? "intercept" : "drift";
        }
        return out;
    }

    private static int names(String[] out, int at, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            out[at++] = prefix + i;
        }
        return at;
    }

    @Override
    public double[] mean(int horizon) {
        checkHorizon(horizon);
        double[] a = state.clone();
        double[] w = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            w[h] = coefficients.mean() + a[0];
            advance(a);
        }
        return integrate(w);
    }

    @Override
    public double[] variance(int horizon) {
        checkHorizon(horizon);
        double[] fullAr = ArmaPolynomials.integratedAr(coefficients.ar(), spec.d(), spec.seasonalD(), spec.season());
        double[] psi = ArmaPolynomials.psiWeights(fullAr, coefficients.ma(), horizon);
        double[] out = new double[horizon];
        double sum = 0;
        for (int h = 0; h < horizon; h++) {
            sum += psi[h] * psi[h];
            out[h] = sigma2 * sum;
        }
        return out;
    }

    @Override
    public double[][] paths(int horizon, int count, RandomGenerator random) {
        checkHorizon(horizon);
        if (count < 0) {
            throw new IllegalArgumentException("the number of paths must not be negative, got " + count);
        }
        double sd = Math.sqrt(sigma2);
        double[] loading = shockLoading();
        double[][] out = new double[count][];
        double[] a = new double[state.length];
        double[] w = new double[horizon];
        for (int i = 0; i < count; i++) {
            System.arraycopy(state, 0, a, 0, a.length);
            for (int h = 0; h < horizon; h++) {
                double shock = sd * random.nextGaussian();
                for (int k = 0; k < a.length; k++) {
                    a[k] += loading[k] * shock;
                }
                w[h] = coefficients.mean() + a[0];
                advance(a);
            }
            out[i] = integrate(w);
        }
        return out;
    }

    /** R = (1, θ1, ..., θ_{r-1}) of the state-space form. */
    private double[] shockLoading() {
        double[] loading = new double[state.length];
        loading[0] = 1;
        double[] ma = coefficients.ma();
        System.arraycopy(ma, 0, loading, 1, Math.min(ma.length, loading.length - 1));
        return loading;
    }

    /** a ← T a for the companion transition. */
    private void advance(double[] a) {
        double[] ar = coefficients.ar();
        double first = a[0];
        for (int i = 0; i < a.length - 1; i++) {
            a[i] = (i < ar.length ? ar[i] * first : 0) + a[i + 1];
        }
        int last = a.length - 1;
        a[last] = last < ar.length ? ar[last] * first : 0;
    }

    /** Undoes the differencing: y_t = w_t + Σ δ_k y_{t-k}, seeded with the last observations. */
    private double[] integrate(double[] w) {
        int lags = integration.length;
        if (lags == 0) {
            return w.clone();
        }
        double[] extended = new double[lags + w.length];
        System.arraycopy(history, 0, extended, lags - history.length, history.length);
        for (int h = 0; h < w.length; h++) {
            double value = w[h];
            for (int k = 1; k <= lags; k++) {
                value += integration[k - 1] * extended[lags + h - k];
            }
            extended[lags + h] = value;
        }
        return Arrays.copyOfRange(extended, lags, extended.length);
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("the forecast horizon must be at least 1, got " + horizon);
        }
    }

    @Override
    public String toString() {
        return label() + " " + Arrays.toString(coefficientNames()) + "=" + Arrays.toString(coefficients())
                + " sigma2=" + sigma2 + " loglik=" + logLikelihood + " aicc=" + aicc;
    }
}
