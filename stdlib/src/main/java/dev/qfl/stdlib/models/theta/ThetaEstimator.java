package dev.qfl.stdlib.models.theta;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Least-squares (= Gaussian maximum-likelihood) estimation of (ℓ0, α, θ) for one theta variant.
 *
 * <p>For a fixed α the one-step errors are affine in the other two parameters: with q = 1 − α and
 * k = 1 − 1/θ, e_t = r_t − q^t·δ − k·D_t, where r_t are the errors of the level recursion started
 * at y_1, δ = ℓ0 − y_1, and D_t the drift term (which depends only on α and the data, for the
 * dynamic variants too). So ℓ0 and θ are solved exactly by linear least squares (θ ≥ 1 as a bound
 * on k ∈ [0, 1)), and only α is searched: a grid over its range, then Brent's method in the best
 * grid cell. This finds the same optimum as a joint search over the three parameters, without its
 * dependence on a starting point.
 *
 * <p>Instances hold one fit's scratch sums; they are made per fit and never shared.
 */
final class ThetaEstimator {

    /** The first errors are left out of the criterion, as in statsforecast: they mostly measure ℓ0. */
    static final int BURN_IN = 3;
    /** statsforecast's bounds on α for the theta models. */
    static final double MODEL_ALPHA_MIN = 0.1;
    static final double MODEL_ALPHA_MAX = 0.99;
    /** forecast::ets's bounds on α for simple exponential smoothing. */
    static final double SES_ALPHA_MIN = 1e-4;
    static final double SES_ALPHA_MAX = 0.9999;
    /** θ ≤ 1e10 as in statsforecast, i.e. k ≤ 1 − 1e-10. */
    private static final double MAX_TREND_WEIGHT = 1 - 1e-10;
    private static final double STANDARD_TREND_WEIGHT = 0.5;
    private static final int GRID = 24;

    private final double[] y;
    private final ThetaVariant variant;
    /** true: plain SES errors (y_t − ℓ_{t−1}) over all points, the criterion of forecast::thetaf. */
    private final boolean sesCriterion;
    private final int burnIn;
    private final double mean;
    private final double olsA;
    private final double olsB;

    // sums over the counted points of g = q^t, r and D: Σg², Σgr, ΣgD, Σr², ΣrD, ΣD²
    private double sgg;
    private double sgr;
    private double sgd;
    private double srr;
    private double srd;
    private double sdd;
    // solution of the last solve(α)
    private double delta;
    private double trendWeight;

    private ThetaEstimator(double[] y, ThetaVariant variant, boolean sesCriterion) {
        this.y = y;
        this.variant = variant;
        this.sesCriterion = sesCriterion;
        this.burnIn = sesCriterion ? 0 : BURN_IN;
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        this.mean = mean;
        double centre = (n + 1) / 2.0;
        double sxy = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t + 1 - centre) * (y[t] - mean);
        }
        double sxx = n * ((double) n * n - 1) / 12.0;
        this.olsB = sxy / sxx;
        this.olsA = mean - olsB * centre;
    }

    /** The variant fitted by minimising its own one-step MSE after the burn-in. Needs n ≥ 4. */
    static ThetaModel fitModel(double[] y, ThetaVariant variant) {
        ThetaEstimator estimator = new ThetaEstimator(y, variant, false);
        double alpha = estimator.searchAlpha(MODEL_ALPHA_MIN, MODEL_ALPHA_MAX);
        estimator.solve(alpha);
        return estimator.finish(alpha);
    }

    /**
     * The standard theta method as forecast::thetaf fits it: SES fitted alone, then the drift of half
     * the least-squares slope. Its forecast L_n + (B/2)·(h − 1 + (1 − q^n)/α) equals the static
     * recursion with A = −B, which is how the model is stored.
     */
    static ThetaModel fitSes(double[] y) {
        ThetaEstimator estimator = new ThetaEstimator(y, ThetaVariant.STM, true);
        double alpha = estimator.searchAlpha(SES_ALPHA_MIN, SES_ALPHA_MAX);
        estimator.solve(alpha);
        double initialLevel = y[0] + estimator.delta;
        double q = 1 - alpha;
        double level = initialLevel;
        double sse = 0;
        for (double v : y) {
            double e = v - level;
            sse += e * e;
            level = alpha * v + q * level;
        }
        int n = y.length;
        // what forecast::ets reports for simple exponential smoothing (measured against R: n − 2)
        double sigma2 = sse / Math.max(1, n - 2);
        ThetaModel.State state = new ThetaModel.State(n, level, estimator.mean, -estimator.olsB, estimator.olsB);
        return new ThetaModel(ThetaVariant.STM, alpha, 2.0, initialLevel, sse / n, sigma2, state);
    }

    /** Estimated parameters: ℓ0 and α, and θ when it is estimated. */
    static int parameters(ThetaVariant variant) {
        return variant.estimatesTheta() ? 3 : 2;
    }

    /**
     * Whether a series of n points leaves more counted errors than the variant has parameters; with
     * fewer the fit can be exact and its error variance says nothing.
     */
    static boolean hasDegreesOfFreedom(int n, ThetaVariant variant) {
        return n - BURN_IN > parameters(variant);
    }

    /** Mean squared first difference: the random walk's one-step error, the variance of last resort. */
    private static double naiveVariance(double[] y) {
        double sum = 0;
        for (int t = 1; t < y.length; t++) {
            sum += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        return sum / (y.length - 1);
    }

    private double searchAlpha(double lo, double hi) {
        double bestAlpha = lo;
        double bestValue = Double.POSITIVE_INFINITY;
        double step = (hi - lo) / (GRID - 1);
        int bestIndex = 0;
        for (int i = 0; i < GRID; i++) {
            double alpha = i == GRID - 1 ? hi : lo + i * step;
            double value = solve(alpha);
            if (value < bestValue) {
                bestValue = value;
                bestAlpha = alpha;
                bestIndex = i;
            }
        }
        double left = Math.max(lo, lo + (bestIndex - 1) * step);
        double right = Math.min(hi, lo + (bestIndex + 1) * step);
        double start = Math.min(right, Math.max(left, bestAlpha));
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
        UnivariatePointValuePair best = brent.optimize(new MaxEval(200), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(this::solve), new SearchInterval(left, right, start));
        return best.getValue() < bestValue ? best.getPoint() : bestAlpha;
    }

    /** Sets (δ, k) optimal for this α and returns the resulting sum of squared errors. */
    private double solve(double alpha) {
        accumulate(alpha);
        if (sesCriterion) {
            trendWeight = 0;
            return solveLevelOnly();
        }
        if (!variant.estimatesTheta()) {
            trendWeight = STANDARD_TREND_WEIGHT;
            return solveLevelOnly();
        }
        double det = sgg * sdd - sgd * sgd;
        if (!(det > 1e-12 * sgg * sdd)) {
            // the drift is (nearly) a multiple of q^t, so θ is not identified: keep the standard θ = 2
            trendWeight = STANDARD_TREND_WEIGHT;
            return solveLevelOnly();
        }
        double k = (sgg * srd - sgd * sgr) / det;
        if (k < 0 || k > MAX_TREND_WEIGHT) {
            trendWeight = Math.min(MAX_TREND_WEIGHT, Math.max(0, k));
            return solveLevelOnly();
        }
        trendWeight = k;
        delta = (sgr - k * sgd) / sgg;
        return Math.max(0, srr - 2 * delta * sgr - 2 * k * srd + delta * delta * sgg + 2 * delta * k * sgd + k * k * sdd);
    }

    /** Best δ for the current trend weight: errors z_t − q^t·δ with z = r − k·D. */
    private double solveLevelOnly() {
        double k = trendWeight;
        double szz = srr - 2 * k * srd + k * k * sdd;
        double sgz = sgr - k * sgd;
        delta = sgz / sgg;
        return Math.max(0, szz - sgz * delta);
    }

    /** One pass over the data: the sums of the counted points for this α, level started at y_1. */
    private void accumulate(double alpha) {
        double q = 1 - alpha;
        boolean dynamic = variant.dynamic();
        double level = y[0];
        double qPowT = 1;
        double meanY = y[0];
        double a = y[0];
        double b = 0;
        sgg = sgr = sgd = srr = srd = sdd = 0;
        for (int t = 0; t < y.length; t++) {
            double r = y[t] - level;
            double d;
            if (sesCriterion) {
                d = 0;
            } else if (dynamic) {
                d = ThetaModel.drift(a, b, alpha, qPowT);
            } else {
                d = ThetaModel.drift(olsA, olsB, alpha, qPowT);
            }
            if (t >= burnIn) {
                sgg += qPowT * qPowT;
                sgr += qPowT * r;
                sgd += qPowT * d;
                srr += r * r;
                srd += r * d;
                sdd += d * d;
            }
            level = alpha * y[t] + q * level;
            if (dynamic && t > 0) {
                double newMean = (t * meanY + y[t]) / (t + 1);
                b = ((t - 1) * b + 6 * (y[t] - meanY) / (t + 1)) / (t + 2);
                meanY = newMean;
                a = meanY - b * (t + 2) / 2;
            }
            qPowT *= q;
        }
    }

    /** The fitted model at (α, δ, k): a direct pass for the errors (no cancellation) and the final state. */
    private ThetaModel finish(double alpha) {
        double k = trendWeight;
        double theta = 1 / (1 - k);
        double initialLevel = y[0] + delta;
        double q = 1 - alpha;
        boolean dynamic = variant.dynamic();
        double level = initialLevel;
        double qPowT = 1;
        double meanY = y[0];
        double a = dynamic ? y[0] : olsA;
        double b = dynamic ? 0 : olsB;
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            double e = y[t] - level - k * ThetaModel.drift(a, b, alpha, qPowT);
            if (t >= burnIn) {
                sse += e * e;
            }
            level = alpha * y[t] + q * level;
            if (t > 0) {
                double newMean = (t * meanY + y[t]) / (t + 1);
                if (dynamic) {
                    b = ((t - 1) * b + 6 * (y[t] - meanY) / (t + 1)) / (t + 2);
                    a = newMean - b * (t + 2) / 2;
                }
                meanY = newMean;
            }
            qPowT *= q;
        }
        int counted = y.length - burnIn;
        double sigma2 = hasDegreesOfFreedom(y.length, variant) ? sse / (counted - parameters(variant)) : naiveVariance(y);
        ThetaModel.State state = new ThetaModel.State(y.length, level, meanY, a, b);
        return new ThetaModel(variant, alpha, theta, initialLevel, sse / counted, sigma2, state);
    }
}
