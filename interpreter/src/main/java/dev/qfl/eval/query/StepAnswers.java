package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.dist.LevelGridQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.CellFormat;
import dev.qfl.stdlib.table.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The answers per series and horizon step (quantile, probability, tradeoff, newsvendor, interval,
 * service): plain array work over each step's quantile function, filtered by the condition. A kind
 * gives only its rows for one step.
 */
final class StepAnswers {
    private StepAnswers() {
    }

    /** One kind's answer rows for one series and step, in its column order without the key columns. */
    @FunctionalInterface
    interface StepRows {
        List<Object[]> rows(String id, Object date, int h, QuantileFunction qf);
    }

    /**
     * @param levels the levels asked at, for the note on levels a model only interpolates; empty for
     *               kinds without levels
     */
    static Table answer(ResolvedQuery q, AnswerContext context, List<BigDecimal> levels, StepRows kind) {
        ForecastSet forecast = context.forecast();
        List<Table.Row> rows = new ArrayList<>();
        int steps = q.maxHorizon() > 0 ? Math.min(q.maxHorizon(), forecast.horizon()) : forecast.horizon();
        for (SeriesForecast s : forecast.series()) {
            for (int h = 1; h <= Math.min(steps, s.horizon()); h++) {
                Object date = DateCells.of(s.frequency(), s.timeAt(h));
                for (Object[] row : kind.rows(s.id(), date, h, s.step(h))) {
                    context.addKept(rows, withKeys(row, s.id(), context.keys()));
                }
            }
        }
        double[] asked = levels.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        return context.table(rows, interpolationNotes(q.model(), forecast, asked));
    }

    /** The levels as doubles, the way the rows use them. */
    static double[] doubles(List<BigDecimal> levels) {
        return levels.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    }

    /**
     * The row with the series' key values after its id: the loader joined them with
     * {@link DataShape#KEY_SEPARATOR} and refused it inside key values, so splitting gives them back.
     */
    private static Object[] withKeys(Object[] row, String id, int keys) {
        if (keys == 0) {
            return row;
        }
        String[] parts = id.split(Pattern.quote(DataShape.KEY_SEPARATOR), -1);
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
    private static List<String> interpolationNotes(String model, ForecastSet forecast, double[] levels) {
        if (forecast.series().isEmpty() || levels.length == 0) {
            return List.of();
        }
        QuantileFunction first = forecast.series().get(0).step(1);
        if (first instanceof FlooredQuantileFunction f) {
            first = f.base();
        }
        if (!(first instanceof LevelGridQuantileFunction grid)) {
            return List.of();
        }
        double[] trained = grid.knotLevels();
        List<String> off = new ArrayList<>();
        for (double level : levels) {
            if (Arrays.stream(trained).noneMatch(t -> Math.abs(t - level) < 1e-12)) {
                off.add(CellFormat.display(level));
            }
        }
        if (off.isEmpty()) {
            return List.of();
        }
        return List.of(model + " learned quantiles only at " + Arrays.stream(trained)
                .mapToObj(CellFormat::display).collect(Collectors.joining(", "))
                + "; level" + (off.size() == 1 ? " " : "s ") + String.join(", ", off)
                + (off.size() == 1 ? " is" : " are") + " interpolated between them (held flat beyond the outermost)");
    }
}
