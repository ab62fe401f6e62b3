package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a query's arguments said, before the model and the condition are checked. The checks
 * shared by every kind read it (which series, which model, and the values a condition can be
 * compared with); the kind then builds its own resolved record from it.
 *
 * @param series     the series asked about, null when its reference was wrong (already reported)
 * @param complete   whether every argument was usable; false after a reported problem
 * @param model      the model named by {@code using} or as the plot's second argument, or null
 * @param levels     the probability levels asked for, empty for kinds without levels
 * @param comparison a probability's comparison, the series on its left; null for other kinds
 * @param threshold  a probability's threshold; null for other kinds
 * @param options    the query's named options, and sample's number of paths as {@code paths}
 * @param sumFrom    first step of a total, 0 when the question is not about a total
 * @param sumTo      last step of a total, 0 when the question is not about a total
 */
public record Reading(String series, boolean complete, Identifier model, List<BigDecimal> levels,
                      Expr.BinaryOp comparison, BigDecimal threshold, Map<String, BigDecimal> options,
                      int sumFrom, int sumTo) {
    public Reading {
        levels = List.copyOf(levels);
        options = Map.copyOf(options);
    }

    /** A reading of one series and the named options, nothing else. */
    public static Reading of(String series, boolean complete, Identifier model, Map<String, BigDecimal> options) {
        return new Reading(series, complete, model, List.of(), null, null, options, 0, 0);
    }

    public Reading withLevels(List<BigDecimal> newLevels) {
        return new Reading(series, complete, model, newLevels, comparison, threshold, options, sumFrom, sumTo);
    }

    public Reading withComparison(Expr.BinaryOp op, BigDecimal value) {
        return new Reading(series, complete, model, levels, op, value, options, sumFrom, sumTo);
    }

    /** The same question asked of the total over steps {@code from..to}. */
    public Reading over(int from, int to) {
        return new Reading(series, complete, model, levels, comparison, threshold, options, from, to);
    }

    /** A named option as the checker accepted it. */
    public BigDecimal option(String name) {
        return options.get(name);
    }
}
