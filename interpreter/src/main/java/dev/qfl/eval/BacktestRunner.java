package dev.qfl.eval;

import dev.qfl.check.ResolvedEvaluate;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.evaluation.Backtest;
import dev.qfl.stdlib.evaluation.Metric;
import dev.qfl.stdlib.evaluation.Scorecard;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.SampledJoint;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs {@code evaluate}: for every model and rolling origin, trains on the data before the origin
 * (or once, with {@code refit: false}), forecasts the next horizon, and scores the forecasts.
 */
final class BacktestRunner {
    /**
     * Fresh paths drawn per series and window for energy and crps_lead from independent steps (the
     * paired estimator's error is ~1/√n). A joint model's stored paths are used as they are:
     * resampling them could pair a path with itself and bias the energy score's pairwise term.
     */
    static final int EVALUATION_PATHS = 1000;

    private BacktestRunner() {
    }

    static Table run(ResolvedEvaluate e, SessionState state, Consumer<String> info) {
        Panel panel = state.panel(e.series());
        List<Table.Row> rows = new ArrayList<>();
        for (String name : e.models()) {
            ModelSlot slot = state.slot(name);
            ModelKind kind = slot.kind();
            ModelSpec spec = ModelLifecycle.resolve(slot, panel);
            int horizon = spec.horizon();
            int step = e.step() > 0 ? e.step() : horizon;
            List<Backtest.Window> windows = Backtest.windows(panel, horizon, e.windows(), step,
                    panel.frequency().defaultSeason());
            Map<Object, Scorecard> cards = new LinkedHashMap<>();
            Map<Object, double[]> seconds = new LinkedHashMap<>();
            TrainedModel trained = null;
            boolean independent = false;
            FitContext context = new FitContext(name, state.reporter());
            for (Backtest.Window w : windows) {
                double[] time = seconds.computeIfAbsent(e.by() == null ? "" : "window".equals(e.by()) ? w.index() + 1 : "",
                        k -> new double[2]);
                if (trained == null || e.refit()) {
                    long t0 = System.nanoTime();
                    trained = kind.fit(w.train(), spec, context);
                    time[0] += (System.nanoTime() - t0) / 1e9;
                }
                long t1 = System.nanoTime();
                ForecastSet forecast = Forecasts.floored(trained.forecast(name, w.train(), context), panel.support());
                time[1] += (System.nanoTime() - t1) / 1e9;
                for (SeriesForecast s : forecast.series()) {
                    double[] actual = w.actuals().get(s.id());
                    Object group = e.by() == null ? "" : e.by().equals("id") ? s.id() : w.index() + 1;
                    Scorecard card = cards.computeIfAbsent(group, g -> new Scorecard(e.metrics()));
                    double scale = w.scales().get(s.id());
                    for (int h = 1; h <= Math.min(s.horizon(), actual.length); h++) {
                        if (!Double.isNaN(actual[h - 1])) {
                            card.add(s.id(), s.step(h), actual[h - 1], scale);
                        }
                    }
                    if (card.scoresPaths() && wholePath(actual, s.horizon())) {
                        independent |= s.joint() == null;
                        JointDistribution joint = s.jointOrIndependent();
                        SplittableRandom random = new SplittableRandom((name + "|" + s.id() + "|" + w.index()).hashCode());
                        card.addPath(joint.sample(SampledJoint.pathsToDraw(joint, EVALUATION_PATHS), random), actual);
                    }
                }
                context.checkCancelled();
            }
            double[] total = seconds.values().stream().reduce(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            info.accept("evaluate " + name + ": " + windows.size() + " window" + (windows.size() == 1 ? "" : "s")
                    + " of " + horizon + " steps, " + (e.refit() ? "refitted at every origin" : "fitted once"));
            if (independent) {
                info.accept("evaluate " + name + ": it has no joint distribution, so energy and crps_lead score its "
                        + "steps sampled independently");
            }
            for (Map.Entry<Object, Scorecard> c : cards.entrySet()) {
                List<Object> cells = new ArrayList<>();
                cells.add(name);
                if (e.by() != null) {
                    cells.add(c.getKey());
                }
                for (Metric m : e.metrics()) {
                    cells.add(c.getValue().value(m));
                }
                double[] t = "window".equals(e.by()) ? seconds.get(c.getKey()) : total;
                cells.add(round(t[0]));
                cells.add(round(t[1]));
                rows.add(new Table.Row(cells.toArray()));
            }
        }
        return new Table(e.columns(), rows, List.of(), Map.of("evaluate", dev.qfl.format.Formatter.expr(e.node()),
                "series", panel.name(), "data_fingerprint", panel.fingerprint()));
    }

    /** Path metrics need the whole horizon observed: a gap would change what the total means. */
    private static boolean wholePath(double[] actual, int horizon) {
        if (actual.length != horizon) {
            return false;
        }
        for (double v : actual) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
