package dev.qfl.eval;

import dev.qfl.ast.Expr;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.check.Scope;
import dev.qfl.check.SeriesSources;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Answers a resolved query from a model's forecast set: plain array work over the per-series,
 * per-step quantile functions, filtered by the {@code where} condition.
 */
final class QueryRunner {
    private QueryRunner() {
    }

    static Table run(ResolvedQuery q, ForecastSet forecast, Scope scope, Map<String, Object> provenance) {
        if (q.kind().isSum()) {
            return TotalRunner.run(q, forecast, scope, provenance);
        }
        if (q.kind().isJoint()) {
            return TotalRunner.paths(q, forecast, scope, provenance);
        }
        List<String> keys = SeriesSources.keyColumns(scope, q.series());
        List<Column> columns = q.kind().columns(keys);
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), columns, scope);
        List<Table.Row> rows = new ArrayList<>();
        int steps = q.maxHorizon() > 0 ? Math.min(q.maxHorizon(), forecast.horizon()) : forecast.horizon();
        double[] levels = q.levels().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        for (SeriesForecast s : forecast.series()) {
            for (int h = 1; h <= Math.min(steps, s.horizon()); h++) {
                Object date = dateCell(s.frequency(), s.timeAt(h));
                QuantileFunction qf = s.step(h);
                for (Object[] row : rows(q, s.id(), date, h, qf, levels)) {
                    Object[] keyed = withKeys(row, s.id(), keys.size());
                    if (keep.test(keyed)) {
                        rows.add(new Table.Row(keyed));
                    }
                }
            }
        }
        return new Table(columns, rows, interpolationNotes(q, forecast, levels), provenance);
    }

    /**
     * The row with the series' key values after its id: the loader joined them with
     * {@link DataShape#KEY_SEPARATOR} and refused it inside key values, so splitting gives them back.
     */
    private static Object[] withKeys(Object[] row, String id, int keys) {
        if (keys == 0) {
            return row;
        }
        String[] parts = id.split(java.util.regex.Pattern.quote(DataShape.KEY_SEPARATOR), -1);
        Object[] out = new Object[row.length + keys];
        out[0] = row[0];
        for (int k = 0; k < keys; k++) {
            out[1 + k] = k < parts.length ? parts[k] : "";
        }
        System.arraycopy(row, 1, out, 1 + keys, row.length - 1);
        return out;
    }

    /**
     * A model that knows quantiles only at trained levels says so when asked for others: the
     * answer there is an interpolation, not something the model learned.
     */
    private static List<String> interpolationNotes(ResolvedQuery q, ForecastSet forecast, double[] levels) {
        if (forecast.series().isEmpty() || levels.length == 0) {
            return List.of();
        }
        QuantileFunction first = forecast.series().get(0).step(1);
        if (first instanceof dev.qfl.stdlib.dist.FlooredQuantileFunction f) {
            first = f.base();
        }
        if (!(first instanceof dev.qfl.stdlib.dist.LevelGridQuantileFunction grid)) {
            return List.of();
        }
        double[] trained = grid.knotLevels();
        List<String> off = new ArrayList<>();
        for (double level : levels) {
            if (java.util.Arrays.stream(trained).noneMatch(t -> Math.abs(t - level) < 1e-12)) {
                off.add(dev.qfl.stdlib.table.CellFormat.display(level));
            }
        }
        if (off.isEmpty()) {
            return List.of();
        }
        return List.of(q.model() + " learned quantiles only at " + java.util.Arrays.stream(trained)
                .mapToObj(dev.qfl.stdlib.table.CellFormat::display).collect(java.util.stream.Collectors.joining(", "))
                + "; level" + (off.size() == 1 ? " " : "s ") + String.join(", ", off)
                + (off.size() == 1 ? " is" : " are") + " interpolated between them (held flat beyond the outermost)");
    }

    /** The answer rows of one series and horizon step, in the kind's column order. */
    private static List<Object[]> rows(ResolvedQuery q, String id, Object date, int h, QuantileFunction qf,
                                       double[] levels) {
        List<Object[]> out = new ArrayList<>(Math.max(1, levels.length));
        switch (q.kind()) {
            case QUANTILE -> {
                for (double level : levels) {
                    out.add(new Object[] {id, date, h, level, qf.quantile(level)});
                }
            }
            case TRADEOFF -> {
                for (double level : levels) {
                    out.add(new Object[] {id, date, h, level, qf.quantile(level), Decisions.marginal(qf, level)});
                }
            }
            case INTERVAL -> {
                for (double level : levels) {
                    double[] iv = Decisions.centralInterval(qf, level);
                    out.add(new Object[] {id, date, h, level, iv[0], iv[1]});
                }
            }
            case NEWSVENDOR -> {
                double cu = q.option("underage");
                double co = q.option("overage");
                double ratio = Decisions.criticalRatio(cu, co);
                double stock = qf.quantile(ratio);
                out.add(new Object[] {id, date, h, ratio, stock, Decisions.expectedCost(qf, stock, cu, co)});
            }
            case SERVICE -> {
                double stock = q.option("stock");
                out.add(new Object[] {id, date, h, stock, qf.cdf(stock), Decisions.expectedShortfall(qf, stock)});
            }
            case PROBABILITY -> {
                double t = q.threshold().doubleValue();
                out.add(new Object[] {id, date, h, t, probability(qf, q.comparison(), t)});
            }
            default -> throw new IllegalStateException("no runner for " + q.kind());
        }
        return out;
    }

    /**
     * P(Y op t). '<' and '>=' use the left limit of the CDF, which differs from cdf(t) only where
     * the distribution has an atom (e.g. the zero floor of a non-negative series).
     */
    static double probability(QuantileFunction qf, Expr.BinaryOp op, double t) {
        return switch (op) {
            case LE -> qf.cdf(t);
            case LT -> qf.cdf(Math.nextDown(t));
            case GE -> 1.0 - qf.cdf(Math.nextDown(t));
            default -> 1.0 - qf.cdf(t);
        };
    }

    /** Daily and coarser series show dates; hourly ones show date and time. */
    static Object dateCell(Frequency f, LocalDateTime t) {
        return f.hasTimeOfDay() ? t : t.toLocalDate();
    }
}
