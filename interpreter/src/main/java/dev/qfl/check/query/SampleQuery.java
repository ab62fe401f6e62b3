package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code sample(series, n)}: n joint sample paths over the horizon. */
public final class SampleQuery implements QueryForm {
    /** Most paths one sample asks for: each is a row per series and step. */
    public static final int MAX_PATHS = 100_000;
    private static final List<Column> COLUMNS = List.of(AnswerColumns.id(), AnswerColumns.integer("path"),
            AnswerColumns.integer("horizon"), new Column("date", ColumnType.DATE), AnswerColumns.number("value"));

    public String function() {
        return "sample";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "sample(demand, 100)";
    }

    public boolean joint() {
        return true;
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        List<Expr.Argument> args = call.positional();
        if (args.size() != 2) {
            context.error(DiagnosticCode.WRONG_ARGUMENTS, call, "sample takes a series and the number of paths",
                    "e.g. " + example());
            return Optional.empty();
        }
        String series = context.series(args.get(0).value()).orElse(null);
        Optional<Integer> paths = context.wholeNumber(args.get(1).value(), 1, MAX_PATHS);
        Map<String, BigDecimal> withPaths = new LinkedHashMap<>(options);
        if (paths.isEmpty()) {
            context.error(DiagnosticCode.OPTION_OUT_OF_RANGE, args.get(1).value(),
                    "the number of paths is a whole number from 1 to " + MAX_PATHS);
        } else {
            // as an option, the condition check knows the path column runs 1..n
            withPaths.put("paths", BigDecimal.valueOf(paths.get()));
        }
        return Optional.of(Reading.of(series, series != null && paths.isPresent(), using, withPaths));
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Sample(common, reading.option("paths").intValueExact());
    }
}
