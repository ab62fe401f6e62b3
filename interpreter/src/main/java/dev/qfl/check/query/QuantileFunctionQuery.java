package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plot quantile_function(series, model)}: q(α) with its knots (plots only). Its columns are
 * those a {@code where} may select the curves by.
 */
public final class QuantileFunctionQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep();

    public String function() {
        return "quantile_function";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "quantile_function(demand, MODEL)";
    }

    public boolean plotOnly() {
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return PlotArguments.read(function(), call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.QuantileFunction(common);
    }
}
