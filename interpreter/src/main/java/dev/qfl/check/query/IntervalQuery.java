package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code interval(series, p)}: the central interval holding probability p. */
public final class IntervalQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep(AnswerColumns.number("level"),
            AnswerColumns.number("lower"), AnswerColumns.number("upper"));

    public String function() {
        return "interval";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "interval(demand, 0.9)";
    }

    public boolean keyColumns() {
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return LevelArguments.read(function(), example(), call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Interval(common, reading.levels());
    }
}
