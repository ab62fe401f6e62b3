package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code newsvendor(series, underage: cu, overage: co)}: the cost-minimising stock and its expected cost. */
public final class NewsvendorQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep(AnswerColumns.number("critical_ratio"),
            AnswerColumns.number("stock"), AnswerColumns.number("expected_cost"));
    private static final List<QueryOption> OPTIONS = List.of(
            new QueryOption("underage", true, true, "the cost of each unit of demand not covered"),
            new QueryOption("overage", true, true, "the cost of each unit of stock left over"));

    public String function() {
        return "newsvendor";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public List<QueryOption> options() {
        return OPTIONS;
    }

    public String example() {
        return "newsvendor(demand, underage: 4, overage: 1)";
    }

    public boolean keyColumns() {
        return true;
    }

    public boolean checkOptions(Expr.Call call, Map<String, BigDecimal> options, QueryContext context) {
        return CostRatio.check(call, options, context);
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return OneSeriesArgument.read(this, call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Newsvendor(common, reading.option("underage"), reading.option("overage"));
    }
}
