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

/** {@code quantile(series, levels)}: the value not exceeded with the given probability. */
public final class QuantileQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep(AnswerColumns.number("level"),
            AnswerColumns.number("value"));

    public String function() {
        return "quantile";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "quantile(demand, 0.9)";
    }

    public boolean keyColumns() {
        return true;
    }

    public Optional<QueryKind> totalKind() {
        return Optional.of(QueryKind.SUM_QUANTILE);
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return LevelArguments.read(function(), example(), call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Quantile(common, reading.levels());
    }
}
