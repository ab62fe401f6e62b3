package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tradeoff(series, levels)}: the quantile at each level and what the last percentage point
 * of service cost, {@code marginal = q(level) − q(level − 0.01)}.
 */
public final class TradeoffQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep(AnswerColumns.number("level"),
            AnswerColumns.number("value"), AnswerColumns.number("marginal"));

    public String function() {
        return "tradeoff";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "tradeoff(demand, 0.90..0.99 step 0.01)";
    }

    public boolean keyColumns() {
        return true;
    }

    public Optional<QueryKind> totalKind() {
        return Optional.of(QueryKind.SUM_TRADEOFF);
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return LevelArguments.read(function(), example(), call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Tradeoff(common, reading.levels());
    }
}
