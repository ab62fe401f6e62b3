package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A local model fitted to every series of one panel. Forecasting the panel it was fitted on reads
 * the stored fits; any other panel (a backtest cut, new data) is fitted afresh, since a local model
 * has nothing to carry from one series' history to another's.
 *
 * <p>Each step's marginal is the normal distribution with the model's analytic mean and variance
 * where the model has them, and otherwise the empirical distribution of {@link #MARGINAL_PATHS}
 * paths simulated from the fitted model (seeded by the series id, so answers repeat exactly).
 * Joint questions are answered from fresh paths of the same model ({@link SimulatedJoint}).
 *
 * @param spec        resolved options
 * @param summary     what the fit did
 * @param season      the seasonal period the series were fitted with
 * @param minimum     fewest observations a series needs
 * @param fitter      fits one series
 * @param fingerprint the fingerprint of the panel the fits belong to
 * @param outcomes    per series id, its fit or why it was left out
 */
public record LocalModel(ModelSpec spec, TrainingSummary summary, int season, int minimum, SeriesFitter fitter,
                         String fingerprint, Map<String, LocalFitting.Outcome> outcomes) implements TrainedModel {

    /** Simulated paths behind a marginal when the model has no closed-form variance. */
    public static final int MARGINAL_PATHS = 2000;

    static LocalModel fit(Panel panel, ModelSpec spec, int season, int minimum, SeriesFitter fitter, FitContext context) {
        long start = System.nanoTime();
        Map<String, LocalFitting.Outcome> outcomes = LocalFitting.fitAll(panel, spec, season, minimum, fitter, context);
        int used = (int) outcomes.values().stream().filter(o -> o.fit() != null).count();
        TrainingSummary summary = TrainingSummary.instant(used, java.time.Duration.ofNanos(System.nanoTime() - start));
        return new LocalModel(spec, summary, season, minimum, fitter, panel.fingerprint(), Map.copyOf(outcomes));
    }

    @Override
    public Map<String, String> choices() {
        return labels();
    }

    /** The fitted form of each series (e.g. {@code ETS(A,Ad,N)}), by series id; left-out series are absent. */
    public Map<String, String> labels() {
        Map<String, String> out = new TreeMap<>();
        outcomes.forEach((id, o) -> {
            if (o.fit() != null) {
                out.put(id, o.fit().label());
            }
        });
        return out;
    }

    /** How many series took each fitted form, most common first, e.g. "ETS(A,N,N) 12, ETS(M,A,M) 3". */
    public String formCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        labels().values().forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("no series");
    }

    @Override
    public String describe() {
        return summary.describe() + "; " + formCounts();
    }

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        // a what-if panel has the fitted history: its forecast reuses the fits at its own future covariates
        boolean whatIf = panel.isWhatIfOf(fingerprint);
        Map<String, LocalFitting.Outcome> fits = panel.fingerprint().equals(fingerprint) || whatIf ? outcomes
                : LocalFitting.fitAll(panel, spec, season, minimum, fitter, context);
        boolean floorAtZero = panel.support() == Support.NONNEGATIVE;
        int horizon = spec.horizon();
        List<SeriesForecast> forecasts = new ArrayList<>();
        List<ForecastSet.Skipped> skipped = new ArrayList<>();
        for (TimeSeries series : panel.series()) {
            LocalFitting.Outcome outcome = fits.get(series.id());
            if (outcome == null || outcome.fit() == null) {
                skipped.add(new ForecastSet.Skipped(series.id(), outcome == null ? "was not fitted" : outcome.skipReason()));
                continue;
            }
            SeriesFit fit = whatIf ? outcome.fit().withFutureOf(panel, series, horizon) : outcome.fit();
            List<QuantileFunction> steps = marginals(fit, horizon, seed(series.id()));
            if (floorAtZero) {
                steps = steps.stream().map(FlooredQuantileFunction::atZero).toList();
            }
            forecasts.add(new SeriesForecast(series.id(), series.frequency(), series.end(), steps,
                    new SimulatedJoint(fit, horizon, floorAtZero ? 0.0 : Double.NEGATIVE_INFINITY)));
        }
        return new ForecastSet(name, horizon, forecasts, skipped);
    }

    private long seed(String id) {
        return ((long) spec.canonical().hashCode() << 32) ^ id.hashCode();
    }

    /** Normal marginals from the analytic variance, or empirical ones from simulated paths. */
    static List<QuantileFunction> marginals(SeriesFit fit, int horizon, long seed) {
        double[] mean = fit.mean(horizon);
        double[] variance = fit.variance(horizon);
        List<QuantileFunction> steps = new ArrayList<>(horizon);
        if (variance != null) {
            for (int h = 0; h < horizon; h++) {
                steps.add(new NormalQuantileFunction(mean[h], Math.sqrt(Math.max(variance[h], minimumVariance(mean[h])))));
            }
            return steps;
        }
        double[][] paths = fit.paths(horizon, MARGINAL_PATHS, new SplittableRandom(seed));
        double[] column = new double[paths.length];
        for (int h = 0; h < horizon; h++) {
            for (int i = 0; i < paths.length; i++) {
                column[i] = paths[i][h];
            }
            steps.add(EmpiricalQuantileFunction.of(column.clone()));
        }
        return steps;
    }

    /**
     * A variance floor relative to the level: a constant series has zero forecast variance, and a
     * normal distribution needs a positive spread (1e-12 of the level's square is far below any
     * printed digit).
     */
    private static double minimumVariance(double level) {
        return Math.max(1e-300, 1e-24 * level * level);
    }
}
