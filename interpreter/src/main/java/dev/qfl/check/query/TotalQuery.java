package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A question about a total over horizon steps a..b, {@code f(sum(series over horizon a..b), ...)}:
 * the arguments read as its base question's (quantile, probability or tradeoff), the answer has
 * one row per series and total instead of per step. One instance per total kind.
 */
public final class TotalQuery implements QueryForm {
    private final QueryForm base;
    private final List<Column> columns;
    private final BiFunction<ResolvedQuery.Common, Reading, ResolvedQuery> resolver;

    private TotalQuery(QueryForm base, List<Column> columns, BiFunction<ResolvedQuery.Common, Reading, ResolvedQuery> resolver) {
        this.base = base;
        this.columns = columns;
        this.resolver = resolver;
    }

    /** {@code quantile(sum(series over horizon a..b), levels)}: quantiles of a total. */
    public static TotalQuery quantile() {
        return new TotalQuery(new QuantileQuery(), AnswerColumns.perTotal(AnswerColumns.number("level"),
                AnswerColumns.number("value")),
                (common, r) -> new ResolvedQuery.TotalQuantile(common, r.sumFrom(), r.sumTo(), r.levels()));
    }

    /** {@code probability(sum(series over horizon a..b) <= x)}: the CDF of a total at a threshold. */
    public static TotalQuery probability() {
        return new TotalQuery(new ProbabilityQuery(), AnswerColumns.perTotal(AnswerColumns.number("threshold"),
                AnswerColumns.number("probability")),
                (common, r) -> new ResolvedQuery.TotalProbability(common, r.sumFrom(), r.sumTo(), r.comparison(),
                        r.threshold()));
    }

    /** {@code tradeoff(sum(series over horizon a..b), levels)}: the trade-off curve of a total. */
    public static TotalQuery tradeoff() {
        return new TotalQuery(new TradeoffQuery(), AnswerColumns.perTotal(AnswerColumns.number("level"),
                AnswerColumns.number("value"), AnswerColumns.number("marginal")),
                (common, r) -> new ResolvedQuery.TotalTradeoff(common, r.sumFrom(), r.sumTo(), r.levels()));
    }

    public String function() {
        return base.function();
    }

    public List<Column> columns() {
        return columns;
    }

    public String example() {
        return base.example().replace("(demand", "(sum(demand over horizon 1..7)");
    }

    public boolean total() {
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return base.read(call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return resolver.apply(common, reading);
    }
}
