package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plot fan(series, model)}: history, forecast median and bands (plots only). Its columns are
 * those a {@code where} may select the series and steps by.
 */
public final class FanQuery implements QueryForm {
    /** Most history steps a fan draws: beyond this the forecast is a sliver at the right edge. */
    public static final int MAX_HISTORY = 10_000;
    private static final List<Column> COLUMNS = AnswerColumns.perStep();
    private static final List<QueryOption> OPTIONS = List.of(new QueryOption("history", false, true,
            "the number of past steps drawn before the forecast"));

    public String function() {
        return "fan";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public List<QueryOption> options() {
        return OPTIONS;
    }

    public String example() {
        return "fan(demand, MODEL)";
    }

    public boolean plotOnly() {
        return true;
    }

    public boolean checkOption(QueryOption option, BigDecimal value, Expr at, QueryContext context) {
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(MAX_HISTORY)) > 0) {
            context.error(DiagnosticCode.OPTION_OUT_OF_RANGE, at, "fan's option 'history' is the number of past "
                    + "steps drawn: a whole number from 1 to " + MAX_HISTORY, "e.g. history: 104");
            return false;
        }
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return PlotArguments.read(function(), call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        BigDecimal history = reading.option("history");
        return new ResolvedQuery.Fan(common, history == null ? 0 : history.intValue());
    }
}
