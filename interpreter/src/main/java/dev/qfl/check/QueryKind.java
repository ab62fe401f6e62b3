package dev.qfl.check;

import dev.qfl.check.query.CorrelationQuery;
import dev.qfl.check.query.FanQuery;
import dev.qfl.check.query.IntervalQuery;
import dev.qfl.check.query.NewsvendorQuery;
import dev.qfl.check.query.ProbabilityQuery;
import dev.qfl.check.query.QuantileFunctionQuery;
import dev.qfl.check.query.QuantileQuery;
import dev.qfl.check.query.QueryForm;
import dev.qfl.check.query.SampleQuery;
import dev.qfl.check.query.ServiceQuery;
import dev.qfl.check.query.TotalQuery;
import dev.qfl.check.query.TradeoffQuery;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The questions a model can be asked: the registry of query kinds. Each constant holds its
 * {@link QueryForm} (name, arguments, options, answer columns, checks, resolved record; see
 * {@code dev.qfl.check.query}); the evaluator's half is a {@link ResolvedQuery.Visitor}. The order
 * is the order hints list the queries in.
 */
public enum QueryKind {
    QUANTILE(new QuantileQuery()),
    PROBABILITY(new ProbabilityQuery()),
    TRADEOFF(new TradeoffQuery()),
    NEWSVENDOR(new NewsvendorQuery()),
    INTERVAL(new IntervalQuery()),
    SERVICE(new ServiceQuery()),
    SUM_QUANTILE(TotalQuery.quantile()),
    SUM_PROBABILITY(TotalQuery.probability()),
    SUM_TRADEOFF(TotalQuery.tradeoff()),
    CORRELATION(new CorrelationQuery()),
    SAMPLE(new SampleQuery()),
    FAN(new FanQuery()),
    QUANTILE_FUNCTION(new QuantileFunctionQuery());

    private final QueryForm form;

    QueryKind(QueryForm form) {
        this.form = form;
    }

    /** The kind's signature, checks and resolved record. */
    public QueryForm form() {
        return form;
    }

    /** The function name in scripts. */
    public String function() {
        return form.function();
    }

    /** Whether the kind asks about a total over several horizon steps (a joint question). */
    public boolean isSum() {
        return form.total();
    }

    /** Whether answering needs the joint distribution over the horizon (or an explicit independence assumption). */
    public boolean isJoint() {
        return form.joint();
    }

    /** Whether the kind is drawn by {@code plot} rather than answered as a table. */
    public boolean plotOnly() {
        return form.plotOnly();
    }

    public List<Column> columns() {
        return form.columns();
    }

    /**
     * The columns of this kind's answers about a series whose id is built from several key columns
     * ({@code id: ["sku", "store"]}): the answers per series and step (quantile, probability,
     * tradeoff, newsvendor, interval, service) keep each key as a text column right after
     * {@code id}, so {@code where store == "S1"} selects and exports carry the keys apart; other
     * answers (totals, samples, correlations, plots) keep {@code id} alone.
     */
    public List<Column> columns(List<String> keys) {
        List<Column> columns = columns();
        if (keys.isEmpty() || !hasKeyColumns()) {
            return columns;
        }
        List<Column> out = new ArrayList<>(columns.size() + keys.size());
        out.add(columns.get(0));
        keys.forEach(k -> out.add(new Column(k, ColumnType.STRING)));
        out.addAll(columns.subList(1, columns.size()));
        return List.copyOf(out);
    }

    /** Whether answers of this kind get one column per key of a multi-key series. */
    public boolean hasKeyColumns() {
        return form.keyColumns();
    }

    public List<String> columnNames() {
        return columns().stream().map(Column::name).toList();
    }

    /** The kind a function name starts as (a sum argument later turns quantile into SUM_QUANTILE). */
    public static Optional<QueryKind> byFunction(String name) {
        return Arrays.stream(values()).filter(k -> k.function().equals(name) && !k.isSum()).findFirst();
    }

    /** The functions that answer with a table. */
    public static List<String> functions() {
        return Arrays.stream(values()).filter(k -> !k.plotOnly() && !k.isSum()).map(QueryKind::function).toList();
    }
}
