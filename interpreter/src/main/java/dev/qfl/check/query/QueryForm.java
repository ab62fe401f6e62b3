package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checker's half of one kind of question: its name and signature (arguments, named options,
 * the columns of its answer), the checks of its arguments, and building its resolved record. The
 * checks every query shares (the model, joint questions, the {@code where} condition) stay in the
 * checker; the answer's rows are the evaluator's half ({@code dev.qfl.eval.query}).
 *
 * <p>Each {@link QueryKind} holds its form, so a kind without one does not compile.
 */
public interface QueryForm {
    /** The function name in scripts ({@code quantile}); the total kinds share their base's name. */
    String function();

    /** The columns of an answer, in order. */
    List<Column> columns();

    /** The named options, in the order hints list them. */
    default List<QueryOption> options() {
        return List.of();
    }

    /** A call that works, for hints ({@code service(demand, stock: 120)}). */
    String example();

    /** Whether the kind asks about a total over several horizon steps. */
    default boolean total() {
        return false;
    }

    /** Whether answering needs the joint distribution over the horizon (or an explicit independence assumption). */
    default boolean joint() {
        return total();
    }

    /** Whether the kind is drawn by {@code plot} rather than answered as a table. */
    default boolean plotOnly() {
        return false;
    }

    /** Whether a series keyed by several columns gets one answer column per key (answers per series and step). */
    default boolean keyColumns() {
        return false;
    }

    /** The kind this question becomes when its series argument is {@code sum(x over horizon a..b)}, if it has one. */
    default Optional<QueryKind> totalKind() {
        return Optional.empty();
    }

    /**
     * Checks the named options together, once each one alone has passed (e.g. newsvendor's cost
     * ratio); reports and returns false when they do not fit.
     */
    default boolean checkOptions(Expr.Call call, Map<String, BigDecimal> options, QueryContext context) {
        return true;
    }

    /** Checks one named option beyond being a finite number of the right sign; reports and returns false when not. */
    default boolean checkOption(QueryOption option, BigDecimal value, Expr at, QueryContext context) {
        return true;
    }

    /**
     * Reads the positional arguments.
     *
     * @param options the named options already checked
     * @param using   the model named with {@code using}, or null
     * @return the reading, possibly incomplete (problems reported, checking goes on to find more),
     *         or empty when the call's shape is wrong and nothing more can be said
     */
    Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context);

    /** The resolved question, from a complete reading and the part every question shares. */
    ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading);
}
