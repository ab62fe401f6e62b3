package dev.qfl.stdlib.models.arima;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Covariates;
import dev.qfl.stdlib.data.Holidays;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.models.local.SeriesFit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code arima} with regressors: the dynamic covariates of a series and, with {@code holidays:},
 * the number of public holidays in each step. A first version of regression with ARIMA errors, in
 * two steps: ordinary least squares of the series on an intercept and the regressors, then an
 * ARIMA model (orders chosen as usual) of the residuals. The forecast is the residual model's
 * forecast plus the regression at the future regressors; its variance is the residual model's
 * (the coefficients' own uncertainty is left out). R's {@code auto.arima(xreg=)} instead estimates
 * both at once by maximum likelihood on the differenced data; on series that need differencing the
 * two-step estimate can be less efficient.
 *
 * <p>A regressor constant over the history (a promotion never run so far) gets no coefficient:
 * the data say nothing about its effect.
 */
final class ArimaRegression implements SeriesFit {
    private final ArimaFit errors;
    private final double intercept;
    private final double[] beta;
    /** Per regressor, its values at steps 1 .. known future (index 0 is the step after the series). */
    private final double[][] future;
    private final List<String> names;
    /** The length of the history fitted, where the regressors' future starts. */
    private final int historyLength;

    private ArimaRegression(ArimaFit errors, double intercept, double[] beta, double[][] future, List<String> names,
                            int historyLength) {
        this.historyLength = historyLength;
        this.errors = errors;
        this.intercept = intercept;
        this.beta = beta;
        this.future = future;
        this.names = names;
    }

    /** Whether a series of {@code panel} has regressors for arima. */
    static boolean applies(Panel panel) {
        return !panel.covariates().dynamic().isEmpty() || panel.covariates().holidays() != null;
    }

    /**
     * Fits the regression and the residual model to {@code y} (the series' values, gaps
     * interpolated), with the regressors of {@code series} in {@code panel}.
     *
     * @param horizon the steps the model forecasts: the regressors must be known that far (QF3160)
     */
    static SeriesFit fit(Panel panel, TimeSeries series, double[] y, int season, int horizon, ArimaOptions options) {
        double[][] x = regressors(panel, series, y.length, horizon);
        // x[j][t] and y[t] are the same date: regressors() starts where y starts (see its offset)
        int n = y.length;
        int k = x.length;
        boolean[] used = new boolean[k];
        for (int j = 0; j < k; j++) {
            used[j] = variance(x[j], n) > 1e-12;
        }
        double[] coefficients = leastSquares(x, used, y);
        double intercept = coefficients[k];
        double[] residuals = new double[n];
        for (int t = 0; t < n; t++) {
            residuals[t] = y[t] - intercept - dot(coefficients, x, t);
        }
        ArimaFit errors = Arima.fit(residuals, season, options);
        double[][] future = new double[k][horizon];
        for (int j = 0; j < k; j++) {
            System.arraycopy(x[j], n, future[j], 0, horizon);
        }
        double[] beta = java.util.Arrays.copyOf(coefficients, k);
        return new ArimaRegression(errors, intercept, beta, future, names(panel), n);
    }

    /**
     * The same fit (coefficients and residual model) at the future regressors {@code series} has in
     * {@code panel}: a what-if panel whose history is the one fitted and whose planned covariates
     * differ. Nothing is estimated again.
     */
    @Override
    public SeriesFit withFutureOf(Panel panel, TimeSeries series, int horizon) {
        double[][] x = regressors(panel, series, historyLength, horizon);
        double[][] replaced = new double[x.length][horizon];
        for (int j = 0; j < x.length; j++) {
            System.arraycopy(x[j], historyLength, replaced[j], 0, horizon);
        }
        return new ArimaRegression(errors, intercept, beta, replaced, names, historyLength);
    }

    /**
     * The regressors' values at the last {@code n} steps of {@code series} and the {@code horizon}
     * steps after it: the dynamic covariates, then the holiday count. The values fitted drop the
     * series' leading unobserved steps ({@code Gaps}), so {@code n} may be shorter than the series;
     * the covariates are stored from the series' first step, hence the offset, without which a
     * series that starts with padding would be regressed on another date's covariates.
     */
    private static double[][] regressors(Panel panel, TimeSeries series, int n, int horizon) {
        int offset = series.length() - n;
        if (offset < 0) {
            throw new IllegalArgumentException("more values fitted (" + n + ") than series " + series.id() + " has");
        }
        Covariates c = series.covariates();
        int dynamic = panel.covariates().dynamic().size();
        if (dynamic > 0 && c.futureSteps() < horizon) {
            throw new QflException(dev.qfl.stdlib.data.DataErrors.FUTURE_COVARIATES, "series " + series.id() + ": the covariates " + panel.covariates().dynamic()
                    + " are known " + c.futureSteps() + " step" + (c.futureSteps() == 1 ? "" : "s") + " past its last "
                    + "value, but arima forecasts " + horizon + " (the first missing step is "
                    + series.timeAt(series.length() + c.futureSteps()).toLocalDate() + ")", null, "add rows with the "
                    + "covariates and an empty value up to " + series.timeAt(series.length() + horizon - 1).toLocalDate()
                    + ", or use a shorter horizon", null);
        }
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < dynamic; j++) {
            double[] v = new double[n + horizon];
            for (int t = 0; t < v.length; t++) {
                v[t] = c.dynamicAt(j, offset + t);
            }
            out.add(v);
        }
        if (panel.covariates().holidays() != null) {
            Holidays calendar = Holidays.of(panel.covariates().holidays()).orElseThrow();
            out.add(calendar.perStep(series.frequency(), series.timeAt(offset), n + horizon));
        }
        return out.toArray(new double[0][]);
    }

    private static List<String> names(Panel panel) {
        List<String> out = new ArrayList<>(panel.covariates().dynamic());
        if (panel.covariates().holidays() != null) {
            out.add("holidays");
        }
        return out;
    }

    private static double variance(double[] v, int n) {
        double mean = 0;
        for (int t = 0; t < n; t++) {
            mean += v[t] / n;
        }
        double var = 0;
        for (int t = 0; t < n; t++) {
            var += (v[t] - mean) * (v[t] - mean) / n;
        }
        return var;
    }

    /**
     * Least squares of {@code y} on the used regressors and an intercept (the last coefficient),
     * by the normal equations with a tiny ridge: a handful of regressors, so the k × k solve is
     * exact enough, and the ridge keeps two identical regressors from making it singular.
     */
    static double[] leastSquares(double[][] x, boolean[] used, double[] y) {
        int n = y.length;
        int k = x.length;
        int m = k + 1;
        double[][] a = new double[m][m + 1];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < m; i++) {
                double xi = i == k ? 1 : used[i] ? x[i][t] : 0;
                for (int j = 0; j < m; j++) {
                    double xj = j == k ? 1 : used[j] ? x[j][t] : 0;
                    a[i][j] += xi * xj;
                }
                a[i][m] += xi * y[t];
            }
        }
        for (int i = 0; i < m; i++) {
            a[i][i] += i == k ? 0 : (used[i] ? 1e-9 * (1 + a[i][i]) : 1);
        }
        for (int col = 0; col < m; col++) {   // Gaussian elimination with partial pivoting
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < m; r++) {
                if (r != col && a[col][col] != 0) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= m; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = a[i][i] == 0 ? 0 : a[i][m] / a[i][i];
        }
        return out;
    }

    private static double dot(double[] beta, double[][] x, int t) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += beta[j] * x[j][t];
        }
        return s;
    }

    /** The regression's part of steps 1 .. horizon. */
    private double[] regression(int horizon) {
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = intercept;
            for (int j = 0; j < beta.length; j++) {
                out[h] += beta[j] * (h < future[j].length ? future[j][h] : future[j][future[j].length - 1]);
            }
        }
        return out;
    }

    /** The coefficients of the regressors, by name (the intercept is left out). */
    double[] coefficients() {
        return beta.clone();
    }

    @Override
    public String label() {
        return "Regression on " + String.join(", ", names) + " with " + errors.label() + " errors";
    }

    @Override
    public double[] mean(int horizon) {
        double[] m = errors.mean(horizon);
        double[] r = regression(horizon);
        for (int h = 0; h < horizon; h++) {
            m[h] += r[h];
        }
        return m;
    }

    @Override
    public double[] variance(int horizon) {
        return errors.variance(horizon);
    }

    @Override
    public double[][] paths(int horizon, int count, RandomGenerator random) {
        double[][] p = errors.paths(horizon, count, random);
        double[] r = regression(horizon);
        for (double[] path : p) {
            for (int h = 0; h < horizon; h++) {
                path[h] += r[h];
            }
        }
        return p;
    }
}
