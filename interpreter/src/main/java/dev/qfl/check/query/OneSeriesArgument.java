package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of the decision questions: one series, the rest named ({@code service(demand, stock: 120)}). */
final class OneSeriesArgument {
    private OneSeriesArgument() {
    }

    static Optional<Reading> read(QueryForm form, Expr.Call call, Map<String, BigDecimal> options, Identifier using,
                                  QueryContext context) {
        List<Expr.Argument> args = call.positional();
        if (args.size() != 1) {
            context.error(DiagnosticCode.WRONG_ARGUMENTS, call, form.function() + " takes one series and named options",
                    "e.g. " + form.example());
            return Optional.empty();
        }
        String series = context.series(args.get(0).value()).orElse(null);
        return Optional.of(Reading.of(series, series != null, using, options));
    }
}
