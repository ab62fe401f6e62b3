package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Table;

/**
 * The evaluator's half of every query kind: which rows class answers it. As a visitor of the
 * resolved records, a kind added to {@link ResolvedQuery} does not compile until it has an answer
 * here. The pictures (fan, quantile_function) are drawn by the plot runner, never answered as a
 * table: the checker accepts them only in {@code plot}.
 */
public final class TableAnswers implements ResolvedQuery.Visitor<Table> {
    private final AnswerContext context;

    public TableAnswers(AnswerContext context) {
        this.context = context;
    }

    @Override
    public Table quantile(ResolvedQuery.Quantile q) {
        return QuantileRows.answer(q, context);
    }

    @Override
    public Table probability(ResolvedQuery.Probability q) {
        return ProbabilityRows.answer(q, context);
    }

    @Override
    public Table tradeoff(ResolvedQuery.Tradeoff q) {
        return TradeoffRows.answer(q, context);
    }

    @Override
    public Table newsvendor(ResolvedQuery.Newsvendor q) {
        return NewsvendorRows.answer(q, context);
    }

    @Override
    public Table interval(ResolvedQuery.Interval q) {
        return IntervalRows.answer(q, context);
    }

    @Override
    public Table service(ResolvedQuery.Service q) {
        return ServiceRows.answer(q, context);
    }

    @Override
    public Table totalQuantile(ResolvedQuery.TotalQuantile q) {
        return TotalRows.quantile(q, context);
    }

    @Override
    public Table totalProbability(ResolvedQuery.TotalProbability q) {
        return TotalRows.probability(q, context);
    }

    @Override
    public Table totalTradeoff(ResolvedQuery.TotalTradeoff q) {
        return TotalRows.tradeoff(q, context);
    }

    @Override
    public Table correlation(ResolvedQuery.Correlation q) {
        return CorrelationRows.answer(q, context);
    }

    @Override
    public Table sample(ResolvedQuery.Sample q) {
        return SampleRows.answer(q, context);
    }

    @Override
    public Table fan(ResolvedQuery.Fan q) {
        throw picture(q);
    }

    @Override
    public Table quantileFunction(ResolvedQuery.QuantileFunction q) {
        throw picture(q);
    }

    private static IllegalStateException picture(ResolvedQuery q) {
        return new IllegalStateException(q.kind().function() + " is a picture, drawn by plot, not answered as a table");
    }
}
