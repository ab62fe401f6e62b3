package dev.qfl.stdlib.models.ets;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Fits for series too short for the likelihood search, as R's {@code ets} falls back to them: simple
 * exponential smoothing from the first value, or Holt's linear trend from the first two, with smoothing
 * parameters that minimise the sum of squared one-step errors; and the fixed model R uses for a
 * constant series. Their sigma2 is the mean squared error, as in R's fallback.
 */
final class EtsSmallSample {

    private static final EtsSpec SIMPLE = new EtsSpec(false, false, false, EtsSpec.Season.NONE);
    private static final EtsSpec HOLT = new EtsSpec(false, true, false, EtsSpec.Season.NONE);

    private EtsSmallSample() {
    }

    /** ETS(A,N,N) that follows the (constant) series: alpha = 0.99999, level = the first value. */
    static EtsFit constant(double[] y) {
        return build(y, SIMPLE, 0.99999, Double.NaN, new double[] {y[0]});
    }

    /** The better (smaller error variance) of simple exponential smoothing and, with two or more points, Holt. */
    static EtsFit fit(double[] y) {
        final double[] level = {y[0]};
        final UnivariatePointValuePair simple = new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(200),
                GoalType.MINIMIZE, new SearchInterval(EtsBounds.LOWER, EtsBounds.UPPER),
                new UnivariateObjectiveFunction(alpha -> squaredErrors(y, SIMPLE, alpha, Double.NaN, level)));
        final EtsFit simpleFit = build(y, SIMPLE, simple.getPoint(), Double.NaN, level);
        if (y.length < 3) {
            return simpleFit;
        }
        final double[] levelSlope = {y[0], y[1] - y[0]};
        // Holt's beta (share of the level change) becomes alpha * beta in the error-correction form.
        final PointValuePair holt = new BOBYQAOptimizer(5, 0.2, 1e-6).optimize(new MaxEval(400), GoalType.MINIMIZE,
                new InitialGuess(new double[] {0.5, 0.1}),
                new SimpleBounds(new double[] {EtsBounds.LOWER, 0.0}, new double[] {EtsBounds.UPPER, 1.0}),
                new ObjectiveFunction(p -> squaredErrors(y, HOLT, p[0], p[0] * p[1], levelSlope)));
        final double[] p = holt.getPoint();
        final EtsFit holtFit = build(y, HOLT, p[0], p[0] * p[1], levelSlope);
        return holtFit.sigma2() < simpleFit.sigma2() ? holtFit : simpleFit;
    }

    private static double squaredErrors(double[] y, EtsSpec spec, double alpha, double beta, double[] initial) {
        final double[] residuals = new double[y.length];
        EtsFilter.run(spec, 1, alpha, beta, 0.0, 1.0, initial, y, new double[1], residuals, null);
        return EtsFilter.sumOfSquares(residuals);
    }

    private static EtsFit build(double[] y, EtsSpec spec, double alpha, double beta, double[] initial) {
        final double[] residuals = new double[y.length];
        final double[] last = new double[initial.length];
        final double criterion = EtsFilter.run(spec, 1, alpha, beta, 0.0, 1.0, initial, y, new double[1], residuals,
                last);
        final double sum = EtsFilter.sumOfSquares(residuals);
        final int n = y.length;
        final int np = spec.smoothingCount() + initial.length + 1;
        final double aicc = n - np - 1 > 0
                ? criterion + 2.0 * np + 2.0 * np * (np + 1) / (n - np - 1) : Double.POSITIVE_INFINITY;
        return new EtsFit(spec, 1, new EtsParameters(alpha, beta, Double.NaN, Double.NaN, initial), last, sum / n,
                -0.5 * criterion, aicc, n);
    }
}
