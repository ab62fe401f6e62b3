package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.stdlib.evaluation.Metric;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked {@code evaluate} expression.
 *
 * @param node    the expression
 * @param models  models to backtest, in the order written
 * @param series  the series they are scored on
 * @param windows number of rolling origins
 * @param step    points between origins, or 0 for "each model's horizon"
 * @param refit   retrain at every origin (true) or once before the first (false)
 * @param metrics the metrics, in column order
 * @param by      "id", "window" or null: an extra grouping column after {@code model}
 */
public record ResolvedEvaluate(Expr.Evaluate node, List<String> models, String series, int windows, int step,
                               boolean refit, List<Metric> metrics, String by) {
    public ResolvedEvaluate {
        models = List.copyOf(models);
        metrics = List.copyOf(metrics);
    }

    /** model, [id | window], one column per metric, train_s, predict_s. */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        out.add(new Column("model", ColumnType.STRING));
        if (by != null) {
            out.add(new Column(by, by.equals("window") ? ColumnType.INTEGER : ColumnType.STRING));
        }
        metrics.forEach(m -> out.add(new Column(m.column(), ColumnType.NUMBER)));
        out.add(new Column("train_s", ColumnType.NUMBER));
        out.add(new Column("predict_s", ColumnType.NUMBER));
        return out;
    }
}
