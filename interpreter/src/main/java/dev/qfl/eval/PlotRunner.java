package dev.qfl.eval;

import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.plot.CurveChart;
import dev.qfl.stdlib.plot.FanChart;
import dev.qfl.stdlib.plot.MetricBars;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jfree.chart.ui.Drawable;

/** Builds the picture a {@code plot} statement asks for. */
final class PlotRunner {
    /** Curves drawn at most in one quantile-function or trade-off chart, to stay readable. */
    static final int MAX_CURVES = 12;
    /** Series one fan plot draws at most: one chart, or a grid of up to this many small ones. */
    static final int MAX_FANS = 12;
    static final String FAN_LIMIT = "fan draws 1 to " + MAX_FANS + " series";
    /** History shown before a fan, in multiples of the horizon. */
    static final int HISTORY_HORIZONS = 4;

    private PlotRunner() {
    }

    static Drawable fan(ResolvedQuery.Fan q, Panel panel, ForecastSet forecast, Scope scope) {
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        Map<String, List<Integer>> steps = selectedSteps(q, forecast, keep);
        fanProblem(steps.keySet()).ifPresent(problem -> {
            throw problem;
        });
        String valueLabel = valueLabel(scope, q.series());
        List<FanChart.Data> fans = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : steps.entrySet()) {
            String title = steps.size() == 1 ? panel.name() + " " + e.getKey() + ": forecast by " + q.model() : e.getKey();
            fans.add(fanData(title, valueLabel, panel.find(e.getKey()).orElseThrow(),
                    forecast.find(e.getKey()).orElseThrow(), e.getValue(), q.history()));
        }
        return fans.size() == 1 ? FanChart.build(fans.get(0))
                : FanChart.grid(panel.name() + ": forecast by " + q.model() + " (" + fans.size() + " series)", fans);
    }

    /** The fan of one series; without {@code history:} it shows a few horizons back (at least four weeks of days). */
    private static FanChart.Data fanData(String title, String valueLabel, TimeSeries history, SeriesForecast s,
                                         List<Integer> hs, int wanted) {
        int shown = Math.min(history.length(), wanted > 0 ? wanted : HISTORY_HORIZONS * Math.max(7, s.horizon()));
        List<LocalDateTime> historyTimes = new ArrayList<>();
        double[] values = new double[shown];
        for (int i = 0; i < shown; i++) {
            int t = history.length() - shown + i;
            historyTimes.add(history.timeAt(t));
            values[i] = history.value(t);
        }
        List<LocalDateTime> times = new ArrayList<>();
        double[][] quantiles = new double[hs.size()][];
        for (int i = 0; i < hs.size(); i++) {
            times.add(s.timeAt(hs.get(i)));
            quantiles[i] = new double[FanChart.LEVELS.length];
            s.step(hs.get(i)).quantiles(FanChart.LEVELS, quantiles[i]);
        }
        return new FanChart.Data(title, valueLabel, historyTimes, values, times, quantiles);
    }

    /** What the values of a declared series are: its value column ("units"), else plain "value". */
    static String valueLabel(Scope scope, String series) {
        return scope.lookup(series)
                .filter(sym -> sym instanceof Symbol.SeriesSymbol)
                .map(sym -> ((Symbol.SeriesSymbol) sym).options().get("value"))
                .filter(v -> v instanceof String)
                .map(v -> (String) v)
                .orElse("value");
    }

    static Drawable quantileFunction(ResolvedQuery.QuantileFunction q, Panel panel, ForecastSet forecast, Scope scope) {
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        List<CurveChart.Curve> curves = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, List<Integer>> e : selectedSteps(q, forecast, keep).entrySet()) {
            SeriesForecast s = forecast.find(e.getKey()).orElseThrow();
            for (int h : e.getValue()) {
                ids.add(e.getKey() + " h" + h);
                curves.add(curve(e.getKey() + ", horizon " + h, s.step(h)));
            }
        }
        if (curves.isEmpty() || curves.size() > MAX_CURVES) {
            throw selection("quantile_function draws 1 to " + MAX_CURVES + " curves", ids);
        }
        return CurveChart.build(panel.name() + ": quantile function by " + q.model(), "level", "value", curves);
    }

    /** The quantile function on a grid dense enough to show its kinks, knots marked. */
    static CurveChart.Curve curve(String label, QuantileFunction qf) {
        int n = 199;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.005 * (i + 1);
            y[i] = qf.quantile(x[i]);
        }
        double[] knots = qf.knotLevels();
        double[] knotValues = new double[knots.length];
        for (int i = 0; i < knots.length; i++) {
            knotValues[i] = qf.quantile(knots[i]);
        }
        return new CurveChart.Curve(label, x, y, knots, knotValues);
    }

    /** A trade-off answer as curves of stock against service level, one per series and step. */
    static Drawable tradeoff(String title, Table t) {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String key = t.columnIndex("horizon").isPresent() ? t.get(r, "id") + ", horizon " + t.get(r, "horizon")
                    : t.get(r, "id") + ", total " + t.get(r, "date_from") + " to " + t.get(r, "date_to");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {t.getDouble(r, "level"),
                    t.getDouble(r, "value"), t.getDouble(r, "marginal")});
        }
        if (groups.isEmpty() || groups.size() > MAX_CURVES) {
            throw selection("a trade-off plot draws 1 to " + MAX_CURVES + " curves", groups.keySet());
        }
        List<CurveChart.Curve> curves = new ArrayList<>();
        List<double[]> marginals = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> g : groups.entrySet()) {
            double[] x = g.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = g.getValue().stream().mapToDouble(p -> p[1]).toArray();
            curves.add(new CurveChart.Curve(g.getKey(), x, y, x, y));
            marginals.add(g.getValue().stream().mapToDouble(p -> p[2]).toArray());
        }
        // the marginal column is what the last point of service costs: the question the chart is for
        return CurveChart.build(title, "service level", "stock", curves, marginals, "marginal: stock per last point of service");
    }

    /** An evaluate table as bars: one small chart per metric, one bar per model (and group). */
    static Drawable metrics(String title, Table t) {
        if (t.columnIndex("model").isEmpty()) {
            throw new QflException(DiagnosticCode.WRONG_TYPE, "plot NAME draws tables made by evaluate or "
                    + "tradeoff; for forecasts, plot the query itself, e.g. plot fan(demand, MODEL)");
        }
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        String second = t.columns().size() > 1 ? t.columns().get(1).name() : "";
        String group = second.equals("id") || second.equals("window") ? second : null;
        for (Column c : t.columns()) {
            if (c.type() != ColumnType.NUMBER) {
                continue;
            }
            Map<String, Double> bars = new LinkedHashMap<>();
            for (int r = 0; r < t.rowCount(); r++) {
                String label = t.get(r, "model") + (group == null ? "" : " " + t.get(r, group));
                bars.put(label, t.getDouble(r, c.name()));
            }
            metrics.put(c.name(), bars);
        }
        return new MetricBars(title, metrics);
    }

    private static Map<String, List<Integer>> selectedSteps(ResolvedQuery q, ForecastSet forecast,
                                                            Predicate<Object[]> keep) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (SeriesForecast s : forecast.series()) {
            for (int h = 1; h <= s.horizon(); h++) {
                Object[] row = {s.id(), QueryRunner.dateCell(s.frequency(), s.timeAt(h)), h};
                if (keep.test(row)) {
                    out.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(h);
                }
            }
        }
        return out;
    }

    /** Why a fan cannot draw the series its condition selects, or empty; the rule the plot and its pre-run check share. */
    static java.util.Optional<QflException> fanProblem(Set<String> selected) {
        return selected.isEmpty() || selected.size() > MAX_FANS ? java.util.Optional.of(selection(FAN_LIMIT, selected))
                : java.util.Optional.empty();
    }

    static QflException selection(String what, Set<String> selected) {
        List<String> first = selected.stream().limit(6).toList();
        return new QflException(DiagnosticCode.PLOT_SELECTION, what + ", and the condition selects "
                + selected.size() + (selected.isEmpty() ? "" : " (" + String.join(", ", first)
                + (selected.size() > first.size() ? ", ..." : "") + ")"),
                null, "narrow it with where, e.g. where id == \"" + (first.isEmpty() ? "A-17" : first.get(0).split(" ")[0])
                + "\"", null);
    }

    static boolean isTradeoff(Table t) {
        return t.columnNames().equals(QueryKind.TRADEOFF.columnNames())
                || t.columnNames().equals(QueryKind.SUM_TRADEOFF.columnNames());
    }
}
