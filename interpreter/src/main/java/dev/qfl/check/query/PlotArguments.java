package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of the pictures: {@code f(series)} or {@code f(series, MODEL)}, the model as an argument or with using. */
final class PlotArguments {
    private PlotArguments() {
    }

    static Optional<Reading> read(String function, Expr.Call call, Map<String, BigDecimal> options, Identifier using,
                                  QueryContext context) {
        List<Expr.Argument> args = call.positional();
        if (args.isEmpty() || args.size() > 2) {
            context.error(DiagnosticCode.WRONG_ARGUMENTS, call, function + " takes a series and its model",
                    "e.g. " + function + "(demand, MODEL)");
            return Optional.empty();
        }
        String series = context.series(args.get(0).value()).orElse(null);
        Identifier model = using;
        if (args.size() == 2) {
            Expr named = args.get(1).value();
            if (using != null || !(named instanceof Expr.Name m)) {
                context.error(DiagnosticCode.WRONG_ARGUMENTS, named, using != null
                        ? "the model is given twice: as an argument and with using" : "expected the name of a model");
                return Optional.empty();
            }
            model = new Identifier(m.name(), m.span());
        }
        return Optional.of(Reading.of(series, series != null, model, options));
    }
}
