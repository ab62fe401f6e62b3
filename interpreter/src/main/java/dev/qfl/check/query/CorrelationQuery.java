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

/** {@code correlation(series)}: the correlation of every pair of horizon steps of the joint forecast. */
public final class CorrelationQuery implements QueryForm {
    private static final List<Column> COLUMNS = List.of(AnswerColumns.id(), AnswerColumns.integer("horizon_i"),
            AnswerColumns.integer("horizon_j"), AnswerColumns.number("correlation"));

    public String function() {
        return "correlation";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "correlation(demand)";
    }

    public boolean joint() {
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        List<Expr.Argument> args = call.positional();
        if (args.size() != 1) {
            context.error(DiagnosticCode.WRONG_ARGUMENTS, call, "correlation takes one series", "e.g. " + example());
            return Optional.empty();
        }
        String series = context.series(args.get(0).value()).orElse(null);
        return Optional.of(Reading.of(series, series != null, using, options));
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Correlation(common);
    }
}
