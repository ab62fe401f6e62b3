package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code service(series, stock: s)}: the chance that s covers demand, and the expected shortfall. */
public final class ServiceQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep(AnswerColumns.number("stock"),
            AnswerColumns.number("probability"), AnswerColumns.number("expected_shortfall"));
    // a stock may be zero or negative (a backlog): only the costs of newsvendor must be positive
    private static final List<QueryOption> OPTIONS = List.of(new QueryOption("stock", true, false,
            "the stock on hand to cover demand"));

    public String function() {
        return "service";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public List<QueryOption> options() {
        return OPTIONS;
    }

    public String example() {
        return "service(demand, stock: 120)";
    }

    public boolean keyColumns() {
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        return OneSeriesArgument.read(this, call, options, using, context);
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Service(common, reading.option("stock"));
    }
}
