package dev.qfl.check;

import dev.qfl.ast.Expr;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A query after checking: what is asked, of which series, answered by which model. The evaluator
 * runs from this, never re-deriving meaning from the syntax.
 *
 * @param node       the query expression (for positions)
 * @param kind       the question
 * @param series     series name
 * @param model      model name that answers it
 * @param levels     quantile levels (QUANTILE), in the order written
 * @param comparison the comparison of a PROBABILITY query ({@code <=, <, >=, >}), with the series on the left
 * @param threshold  the threshold of a PROBABILITY query
 * @param condition  the {@code where} condition, or null
 * @param maxHorizon the largest horizon step the condition can select (the model's horizon when unbounded)
 * @param options    named numeric arguments of decision queries ({@code underage}, {@code stock}, ...)
 * @param sumFrom    first horizon step of a total ({@code sum(x over horizon a..b)}), 0 when not a sum
 * @param sumTo      last horizon step of a total, 0 when not a sum
 * @param independent whether the script said {@code assuming independence}
 */
public record ResolvedQuery(Expr node, QueryKind kind, String series, String model, List<BigDecimal> levels,
                            Expr.BinaryOp comparison, BigDecimal threshold, Expr condition, int maxHorizon,
                            Map<String, BigDecimal> options, int sumFrom, int sumTo, boolean independent) {
    public ResolvedQuery {
        levels = List.copyOf(levels);
        options = Map.copyOf(options);
    }

    /** A named numeric argument, as a double. */
    public double option(String name) {
        return options.get(name).doubleValue();
    }
}
