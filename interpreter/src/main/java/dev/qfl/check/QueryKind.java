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
            col("probability", ColumnType.NUMBER)));

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

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public static Optional<QueryKind> byFunction(String name) {
        return Arrays.stream(values()).filter(k -> k.function.equals(name)).findFirst();
    }

    public static List<String> functions() {
        return Arrays.stream(values()).map(QueryKind::function).toList();
    }
}
