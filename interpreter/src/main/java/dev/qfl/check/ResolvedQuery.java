package dev.qfl.check;

import dev.qfl.ast.Expr;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A query after checking: what is asked, of which series, answered by which model. The evaluator
 * runs from this, never re-deriving meaning from the syntax. There is one small record per kind of
 * question, holding only what that question needs; the part every question has (series, model,
 * condition, ...) is one shared {@link Common} record. A {@link Visitor} sees every kind, so a new
 * kind does not compile until every pass that answers queries handles it.
 */
public sealed interface ResolvedQuery {
    /** The part every resolved question has. */
    Common common();

    /** The question this record answers. */
    QueryKind kind();

    <R> R accept(Visitor<R> visitor);

    /**
     * What every question shares.
     *
     * @param node        the query expression (for positions)
     * @param series      series name
     * @param model       model name that answers it
     * @param condition   the {@code where} condition, or null
     * @param maxHorizon  the largest horizon step the condition can select (the model's horizon when unbounded)
     * @param independent whether the script said {@code assuming independence}
     * @param whatIfs     the checked {@code with} assignments (empty for a question of the plain forecast)
     */
    record Common(Expr node, String series, String model, Expr condition, int maxHorizon, boolean independent,
                  List<WhatIf> whatIfs) {
        public Common {
            whatIfs = List.copyOf(whatIfs);
        }

        /** A question of the model's plain forecast (no {@code with}). */
        public Common(Expr node, String series, String model, Expr condition, int maxHorizon, boolean independent) {
            this(node, series, model, condition, maxHorizon, independent, List.of());
        }
    }

    /**
     * One checked {@code with} assignment: the future values of dynamic covariate {@code covariate}
     * become {@code change} of their planned values (a constant ignores its argument).
     *
     * @param text the assignment as written, {@code price = price * 0.9} (names the what-if forecast)
     * @param span where the assignment is written, for a value that turns out not finite at run time
     */
    record WhatIf(String covariate, DoubleUnaryOperator change, String text, dev.qfl.diag.Span span) {
        /**
         * Equal when written the same at the same place: the function is compiled from that text,
         * and two checks of one script (explain's plan and the run's) compile two equal functions.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof WhatIf w && covariate.equals(w.covariate) && text.equals(w.text) && span.equals(w.span);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(covariate, text, span);
        }
    }

    /** The {@code with} assignments of the question, empty when it asks about the plain forecast. */
    default List<WhatIf> whatIfs() {
        return common().whatIfs();
    }

    default Expr node() {
        return common().node();
    }

    default String series() {
        return common().series();
    }

    default String model() {
        return common().model();
    }

    default Expr condition() {
        return common().condition();
    }

    default int maxHorizon() {
        return common().maxHorizon();
    }

    default boolean independent() {
        return common().independent();
    }

    /** The last horizon step of a total ({@code sum(x over horizon a..b)}), 0 for any other question. */
    default int sumTo() {
        return 0;
    }

    /** One method per kind of question; implement it to handle every kind. */
    interface Visitor<R> {
        R quantile(Quantile q);

        R probability(Probability q);

        R tradeoff(Tradeoff q);

        R newsvendor(Newsvendor q);

        R interval(Interval q);

        R service(Service q);

        R totalQuantile(TotalQuantile q);

        R totalProbability(TotalProbability q);

        R totalTradeoff(TotalTradeoff q);

        R correlation(Correlation q);

        R sample(Sample q);

        R fan(Fan q);

        R quantileFunction(QuantileFunction q);
    }

    /** {@code quantile(x, levels)}; the levels in the order written. */
    record Quantile(Common common, List<BigDecimal> levels) implements ResolvedQuery {
        public Quantile {
            levels = List.copyOf(levels);
        }

        public QueryKind kind() {
            return QueryKind.QUANTILE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.quantile(this);
        }
    }

    /** {@code probability(x op threshold)}, the series on the left of {@code comparison} ({@code <=, <, >=, >}). */
    record Probability(Common common, Expr.BinaryOp comparison, BigDecimal threshold) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.PROBABILITY;
        }

        public <R> R accept(Visitor<R> v) {
            return v.probability(this);
        }
    }

    /** {@code tradeoff(x, levels)}. */
    record Tradeoff(Common common, List<BigDecimal> levels) implements ResolvedQuery {
        public Tradeoff {
            levels = List.copyOf(levels);
        }

        public QueryKind kind() {
            return QueryKind.TRADEOFF;
        }

        public <R> R accept(Visitor<R> v) {
            return v.tradeoff(this);
        }
    }

    /** {@code newsvendor(x, underage: cu, overage: co)}; the costs are positive and their ratio inside (0, 1). */
    record Newsvendor(Common common, BigDecimal underage, BigDecimal overage) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.NEWSVENDOR;
        }

        public <R> R accept(Visitor<R> v) {
            return v.newsvendor(this);
        }
    }

    /** {@code interval(x, levels)}: central intervals. */
    record Interval(Common common, List<BigDecimal> levels) implements ResolvedQuery {
        public Interval {
            levels = List.copyOf(levels);
        }

        public QueryKind kind() {
            return QueryKind.INTERVAL;
        }

        public <R> R accept(Visitor<R> v) {
            return v.interval(this);
        }
    }

    /** {@code service(x, stock: s)}. */
    record Service(Common common, BigDecimal stock) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.SERVICE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.service(this);
        }
    }

    /** {@code quantile(sum(x over horizon sumFrom..sumTo), levels)}. */
    record TotalQuantile(Common common, int sumFrom, int sumTo, List<BigDecimal> levels) implements ResolvedQuery {
        public TotalQuantile {
            levels = List.copyOf(levels);
        }

        public QueryKind kind() {
            return QueryKind.SUM_QUANTILE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.totalQuantile(this);
        }
    }

    /** {@code probability(sum(x over horizon sumFrom..sumTo) op threshold)}. */
    record TotalProbability(Common common, int sumFrom, int sumTo, Expr.BinaryOp comparison, BigDecimal threshold)
            implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.SUM_PROBABILITY;
        }

        public <R> R accept(Visitor<R> v) {
            return v.totalProbability(this);
        }
    }

    /** {@code tradeoff(sum(x over horizon sumFrom..sumTo), levels)}. */
    record TotalTradeoff(Common common, int sumFrom, int sumTo, List<BigDecimal> levels) implements ResolvedQuery {
        public TotalTradeoff {
            levels = List.copyOf(levels);
        }

        public QueryKind kind() {
            return QueryKind.SUM_TRADEOFF;
        }

        public <R> R accept(Visitor<R> v) {
            return v.totalTradeoff(this);
        }
    }

    /** {@code correlation(x)}. */
    record Correlation(Common common) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.CORRELATION;
        }

        public <R> R accept(Visitor<R> v) {
            return v.correlation(this);
        }
    }

    /** {@code sample(x, paths)}; 1 ≤ paths ≤ 100,000. */
    record Sample(Common common, int paths) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.SAMPLE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.sample(this);
        }
    }

    /** {@code plot fan(x, model)}; {@code history} past steps drawn, 0 for the default. */
    record Fan(Common common, int history) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.FAN;
        }

        public <R> R accept(Visitor<R> v) {
            return v.fan(this);
        }
    }

    /** {@code plot quantile_function(x, model)}. */
    record QuantileFunction(Common common) implements ResolvedQuery {
        public QueryKind kind() {
            return QueryKind.QUANTILE_FUNCTION;
        }

        public <R> R accept(Visitor<R> v) {
            return v.quantileFunction(this);
        }
    }
}
