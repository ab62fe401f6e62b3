package dev.qfl.stdlib.models.ets;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fit of one ETS model: smoothing parameters and initial states together by
 * Nelder–Mead from R's starting values, stopping as R does when the simplex's values agree to a relative
 * 1.5e-8 of the starting value or the evaluation budget is spent.
 *
 * <p>Vector layout: {@code [alpha, beta?, gamma?, phi?, level, slope?, s_1 .. s_{m-1}]}; {@code s_0} follows
 * from the normalisation (seasonal terms sum to 0, or to m when multiplicative).
 */
final class EtsEstimator {

    private static final double RELATIVE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private EtsEstimator() {
    }

    /** The fitted model, or null when it has as many parameters as data or cannot start from R's values. */
    static EtsFit fit(double[] y, int seasonLength, EtsSpec spec, int maxEvaluations) {
        final int m = spec.seasonal() ? seasonLength : 1;
        final double[] start = startingVector(y, m, spec);
        final int parameterCount = start.length;
        if (parameterCount >= y.length - 1) {
            return null;
        }
        final Objective objective = new Objective(y, m, spec);
        final double startValue = objective.value(start);
        if (Double.isInfinite(startValue) && startValue > 0) {
            return null;
        }
        final double[] best = minimise(objective, start, startValue, maxEvaluations);
        return objective.fitAt(best, parameterCount);
    }

    static double[] startingVector(double[] y, int m, EtsSpec spec) {
        final double alpha = EtsBounds.LOWER + 0.2 * (EtsBounds.UPPER - EtsBounds.LOWER) / m;
        final double[] smoothing = new double[spec.smoothingCount()];
        int k = 0;
        smoothing[k++] = alpha;
        if (spec.trend()) {
            final double upper = Math.min(EtsBounds.UPPER, alpha);
            smoothing[k++] = EtsBounds.LOWER + 0.1 * (upper - EtsBounds.LOWER);
        }
        if (spec.seasonal()) {
            final double upper = Math.min(EtsBounds.UPPER, 1 - alpha);
            smoothing[k++] = EtsBounds.LOWER + 0.05 * (upper - EtsBounds.LOWER);
        }
        if (spec.damped()) {
            smoothing[k++] = EtsBounds.PHI_LOWER + 0.99 * (EtsBounds.PHI_UPPER - EtsBounds.PHI_LOWER);
        }
        final double[] state = EtsInitialStates.of(y, m, spec.trend(), spec.season());
        final int seasonStart = spec.trend() ? 2 : 1;
        // The first seasonal term is implied by the others, so it is not a free parameter.
        final int free = spec.seasonal() ? state.length - 1 : state.length;
        final double[] vector = new double[smoothing.length + free];
        System.arraycopy(smoothing, 0, vector, 0, smoothing.length);
        System.arraycopy(state, 0, vector, smoothing.length, seasonStart);
        if (spec.seasonal()) {
            System.arraycopy(state, seasonStart + 1, vector, smoothing.length + seasonStart, m - 1);
        }
        return vector;
    }

    private static double[] minimise(Objective objective, double[] start, double startValue, int maxEvaluations) {
        final int dimension = start.length;
        final double[][] reference = new double[dimension + 1][dimension];
        double largest = 0.0;
        for (double value : start) {
            largest = Math.max(largest, Math.abs(value));
        }
        // R's simplex: one edge length for every coordinate, a tenth of the largest starting value. For
        // series on a large scale this throws the smoothing parameters far outside their bounds at first;
        // the simplex then contracts back, which in practice explores the initial states well.
        final double edge = largest > 0 ? 0.1 * largest : 0.1;
        for (int i = 0; i < dimension; i++) {
            reference[i + 1][i] = edge;
        }
        final double tolerance = RELATIVE_TOLERANCE * (Math.abs(startValue) + RELATIVE_TOLERANCE);
        final SimplexOptimizer optimizer = new SimplexOptimizer(new SpreadChecker(dimension + 1, tolerance,
                objective, maxEvaluations));
        try {
            optimizer.optimize(new MaxEval(maxEvaluations * 4 + 100), new MaxIter(Integer.MAX_VALUE),
                    new ObjectiveFunction(objective), GoalType.MINIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(reference, 1.0, 2.0, 0.5, 0.5));
        } catch (TooManyEvaluationsException budgetSpent) {
            // The best point seen so far is kept by the objective.
        }
        return objective.bestPoint();
    }

    /**
     * Stops when the worst and best vertex values of the simplex differ by at most the tolerance (R's rule)
     * or the objective has used its budget. Commons Math asks about each vertex in turn, best first, and
     * stops asking at the first "no", so saying yes to all but the last lets the last call see both ends.
     */
    private static final class SpreadChecker implements ConvergenceChecker<PointValuePair> {
        private final int vertices;
        private final double tolerance;
        private final Objective objective;
        private final int maxEvaluations;
        private int calls;
        private double bestValue;

        SpreadChecker(int vertices, double tolerance, Objective objective, int maxEvaluations) {
            this.vertices = vertices;
            this.tolerance = tolerance;
            this.objective = objective;
            this.maxEvaluations = maxEvaluations;
        }

        @Override
        public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
            final int position = calls;
            calls = (calls + 1) % vertices;
            if (position == 0) {
                bestValue = current.getValue();
            }
            if (position < vertices - 1) {
                return true;
            }
            return current.getValue() <= bestValue + tolerance || objective.evaluations() >= maxEvaluations;
        }
    }

    /** Minus twice the log-likelihood (R's criterion) of a parameter vector; remembers the best point. */
    private static final class Objective implements MultivariateFunction {
        private final double[] y;
        private final int m;
        private final EtsSpec spec;
        private final int smoothing;
        private final int seasonStart;
        private final double[] state;
        private final double[] seasonWork;
        private final double[] polynomialWork;
        private int evaluations;
        private double bestValue = Double.POSITIVE_INFINITY;
        private double[] bestPoint;

        Objective(double[] y, int m, EtsSpec spec) {
            this.y = y;
            this.m = m;
            this.spec = spec;
            this.smoothing = spec.smoothingCount();
            this.seasonStart = spec.trend() ? 2 : 1;
            this.state = new double[seasonStart + (spec.seasonal() ? m : 0)];
            this.seasonWork = new double[m];
            this.polynomialWork = new double[2 * (m + 2)];
        }

        int evaluations() {
            return evaluations;
        }

        double[] bestPoint() {
            return bestPoint.clone();
        }

        @Override
        public double value(double[] point) {
            evaluations++;
            final double result = criterion(point);
            if (result < bestValue || bestPoint == null) {
                bestValue = result;
                bestPoint = point.clone();
            }
            return result;
        }

        private double criterion(double[] point) {
            final double alpha = point[0];
            int k = 1;
            final double beta = spec.trend() ? point[k++] : Double.NaN;
            final double gamma = spec.seasonal() ? point[k++] : Double.NaN;
            final double phi = spec.damped() ? point[k] : 1.0;
            if (!EtsBounds.allowed(spec, m, alpha, beta, gamma, phi, polynomialWork)) {
                return Double.POSITIVE_INFINITY;
            }
            if (!unpackState(point)) {
                return Double.POSITIVE_INFINITY;
            }
            return EtsFilter.run(spec, m, alpha, beta, gamma, phi, state, y, seasonWork, null, null);
        }

        /** Fills {@link #state} from the vector; false when a multiplicative seasonal term is negative. */
        private boolean unpackState(double[] point) {
            System.arraycopy(point, smoothing, state, 0, seasonStart);
            if (!spec.seasonal()) {
                return true;
            }
            final boolean multiplicative = spec.season() == EtsSpec.Season.MULTIPLICATIVE;
            double sum = 0.0;
            for (int k = 1; k < m; k++) {
                final double value = point[smoothing + seasonStart + k - 1];
                state[seasonStart + k] = value;
                sum += value;
                if (multiplicative && value < 0) {
                    return false;
                }
            }
            state[seasonStart] = (multiplicative ? m : 0.0) - sum;
            return !(multiplicative && state[seasonStart] < 0);
        }

        EtsFit fitAt(double[] point, int parameterCount) {
            final double alpha = point[0];
            int k = 1;
            final double beta = spec.trend() ? point[k++] : Double.NaN;
            final double gamma = spec.seasonal() ? point[k++] : Double.NaN;
            final double phi = spec.damped() ? point[k] : Double.NaN;
            unpackState(point);
            final double[] initial = state.clone();
            final double[] residuals = new double[y.length];
            final double[] last = new double[state.length];
            final double criterion = EtsFilter.run(spec, m, alpha, beta, gamma, spec.damped() ? phi : 1.0, initial,
                    y, seasonWork, residuals, last);
            if (Double.isInfinite(criterion)) {
                return null;
            }
            final int n = y.length;
            final double sigma2 = EtsFilter.sumOfSquares(residuals) / (n - parameterCount);
            final int np = parameterCount + 1;
            final double aicc = criterion + 2.0 * np + 2.0 * np * (np + 1) / (n - np - 1);
            return new EtsFit(spec, m, new EtsParameters(alpha, beta, gamma, phi, initial), last, sigma2,
                    -0.5 * criterion, aicc, n);
        }
    }
}
