package dev.qfl.check;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The questions a model can be asked, with the stable columns of their answers. */
public enum QueryKind {
    /** {@code quantile(series, levels)}: the value not exceeded with the given probability. */
    QUANTILE("quantile", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER), col("level", ColumnType.NUMBER), col("value", ColumnType.NUMBER))),
    /** {@code probability(series <= x)}: the forecast CDF at a threshold. */
    PROBABILITY("probability", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER), col("threshold", ColumnType.NUMBER),
            col("probability", ColumnType.NUMBER))),
    /**
     * {@code tradeoff(series, levels)}: the quantile at each level and what the last percentage
     * point of service cost, {@code marginal = q(level) − q(level − 0.01)}.
     */
    TRADEOFF("tradeoff", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER), col("level", ColumnType.NUMBER), col("value", ColumnType.NUMBER),
            col("marginal", ColumnType.NUMBER))),
    /** {@code newsvendor(series, underage: cu, overage: co)}: the cost-minimising stock and its expected cost. */
    NEWSVENDOR("newsvendor", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER), col("critical_ratio", ColumnType.NUMBER), col("stock", ColumnType.NUMBER),
            col("expected_cost", ColumnType.NUMBER))),
    /** {@code interval(series, p)}: the central interval holding probability p. */
    INTERVAL("interval", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER), col("level", ColumnType.NUMBER), col("lower", ColumnType.NUMBER),
            col("upper", ColumnType.NUMBER))),
    /** {@code service(series, stock: s)}: the chance that s covers demand, and the expected shortfall. */
    SERVICE("service", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER), col("stock", ColumnType.NUMBER), col("probability", ColumnType.NUMBER),
            col("expected_shortfall", ColumnType.NUMBER))),
    /** {@code plot fan(series, model)}: history, forecast median and bands (plots only). */
    FAN("fan", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE), col("horizon", ColumnType.INTEGER))),
    /** {@code plot quantile_function(series, model)}: q(α) with its knots (plots only). */
    QUANTILE_FUNCTION("quantile_function", List.of(col("id", ColumnType.STRING), col("date", ColumnType.DATE),
            col("horizon", ColumnType.INTEGER)));

    private final String function;
    private final List<Column> columns;

    QueryKind(String function, List<Column> columns) {
        this.function = function;
        this.columns = columns;
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, type);
    }

    /** The function name in scripts. */
    public String function() {
        return function;
    }

    /** Whether the kind is drawn by {@code plot} rather than answered as a table. */
    public boolean plotOnly() {
        return this == FAN || this == QUANTILE_FUNCTION;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public static Optional<QueryKind> byFunction(String name) {
        return Arrays.stream(values()).filter(k -> k.function.equals(name)).findFirst();
    }

    /** The functions that answer with a table. */
    public static List<String> functions() {
        return Arrays.stream(values()).filter(k -> !k.plotOnly()).map(QueryKind::function).toList();
    }
}
