package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of the questions asked at levels: {@code f(series, levels)} (quantile, tradeoff, interval). */
final class LevelArguments {
    private LevelArguments() {
    }

    static Optional<Reading> read(String function, String example, Expr.Call call, Map<String, BigDecimal> options,
                                  Identifier using, QueryContext context) {
        List<Expr.Argument> args = call.positional();
        if (args.size() != 2) {
            context.error(DiagnosticCode.WRONG_ARGUMENTS, call, function + " takes a series and the level(s)",
                    "e.g. " + example);
            return Optional.empty();
        }
        String series = context.series(args.get(0).value()).orElse(null);
        List<BigDecimal> levels = context.levels(args.get(1).value());
        return Optional.of(Reading.of(series, series != null && !levels.isEmpty(), using, options).withLevels(levels));
    }
}
