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
    /** {@code quantile(sum(series over horizon a..b), levels)}: quantiles of a total over steps a..b. */
    SUM_QUANTILE("quantile", List.of(col("id", ColumnType.STRING), col("date_from", ColumnType.DATE),
            col("date_to", ColumnType.DATE), col("level", ColumnType.NUMBER), col("value", ColumnType.NUMBER))),
    /** {@code probability(sum(series over horizon a..b) <= x)}: the CDF of a total at a threshold. */
    SUM_PROBABILITY("probability", List.of(col("id", ColumnType.STRING), col("date_from", ColumnType.DATE),
            col("date_to", ColumnType.DATE), col("threshold", ColumnType.NUMBER), col("probability", ColumnType.NUMBER))),
    /** {@code tradeoff(sum(series over horizon a..b), levels)}: the trade-off curve of a total. */
    SUM_TRADEOFF("tradeoff", List.of(col("id", ColumnType.STRING), col("date_from", ColumnType.DATE),
            col("date_to", ColumnType.DATE), col("level", ColumnType.NUMBER), col("value", ColumnType.NUMBER),
            col("marginal", ColumnType.NUMBER))),
    /** {@code correlation(series)}: the correlation of every pair of horizon steps of the joint forecast. */
    CORRELATION("correlation", List.of(col("id", ColumnType.STRING), col("horizon_i", ColumnType.INTEGER),
            col("horizon_j", ColumnType.INTEGER), col("correlation", ColumnType.NUMBER))),
    /** {@code sample(series, n)}: n joint sample paths over the horizon. */
    SAMPLE("sample", List.of(col("id", ColumnType.STRING), col("path", ColumnType.INTEGER),
            col("horizon", ColumnType.INTEGER), col("date", ColumnType.DATE), col("value", ColumnType.NUMBER))),
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

    /** Whether the kind asks about a total over several horizon steps (a joint question). */
    public boolean isSum() {
        return this == SUM_QUANTILE || this == SUM_PROBABILITY || this == SUM_TRADEOFF;
    }

    /** Whether answering needs the joint distribution over the horizon (or an explicit independence assumption). */
    public boolean isJoint() {
        return isSum() || this == CORRELATION || this == SAMPLE;
    }

    /** Whether the kind is drawn by {@code plot} rather than answered as a table. */
    public boolean plotOnly() {
        return this == FAN || this == QUANTILE_FUNCTION;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * The columns of this kind's answers about a series whose id is built from several key columns
     * ({@code id: ["sku", "store"]}): the answers per series and step (quantile, probability,
     * tradeoff, newsvendor, interval, service) keep each key as a text column right after
     * {@code id}, so {@code where store == "S1"} selects and exports carry the keys apart; other
     * answers (totals, samples, correlations, plots) keep {@code id} alone.
     */
    public List<Column> columns(List<String> keys) {
        if (keys.isEmpty() || !hasKeyColumns()) {
            return columns;
        }
        List<Column> out = new java.util.ArrayList<>(columns.size() + keys.size());
        out.add(columns.get(0));
        keys.forEach(k -> out.add(col(k, ColumnType.STRING)));
        out.addAll(columns.subList(1, columns.size()));
        return List.copyOf(out);
    }

    /** Whether answers of this kind get one column per key of a multi-key series. */
    public boolean hasKeyColumns() {
        return this == QUANTILE || this == PROBABILITY || this == TRADEOFF || this == NEWSVENDOR || this == INTERVAL
                || this == SERVICE;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The kind a function name starts as (a sum argument later turns quantile into SUM_QUANTILE). */
    public static Optional<QueryKind> byFunction(String name) {
        return Arrays.stream(values()).filter(k -> k.function.equals(name) && !k.isSum()).findFirst();
    }

    /** The functions that answer with a table. */
    public static List<String> functions() {
        return Arrays.stream(values()).filter(k -> !k.plotOnly() && !k.isSum()).map(QueryKind::function).toList();
    }
}
