package dev.qfl.ast;

import dev.qfl.diag.Span;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Expressions. Queries are calls with clauses ({@link Query}); calls name a function or a
 * constructor such as {@code csv} or {@code iqf}, checked against signature tables, so new
 * functions need no grammar change.
 */
public sealed interface Expr extends Node {

    /**
     * One method per kind of expression, so a pass that implements it fails to compile until it
     * handles a newly added node (the sealed interface alone cannot force that on Java 17, whose
     * switch does not match on types). {@link Argument} is not an expression and has no method.
     */
    interface Visitor<R> {
        R visitNumberLit(NumberLit e);

        R visitStringLit(StringLit e);

        R visitBoolLit(BoolLit e);

        R visitDurationLit(DurationLit e);

        R visitListLit(ListLit e);

        R visitRange(Range e);

        R visitName(Name e);

        R visitCall(Call e);

        R visitAggregate(Aggregate e);

        R visitQuery(Query e);

        R visitEvaluate(Evaluate e);

        R visitUnary(Unary e);

        R visitBinary(Binary e);

        R visitInRange(InRange e);

        R visitInList(InList e);
    }

    /** Dispatches to the visitor method for this node's kind. */
    <R> R accept(Visitor<R> visitor);

    /** A number as written; kept decimal so {@code 0.01..0.99 step 0.01} has exactly 99 levels. */
    record NumberLit(BigDecimal value, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNumberLit(this);
        }
    }

    record StringLit(String value, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStringLit(this);
        }
    }

    record BoolLit(boolean value, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBoolLit(this);
        }
    }

    /** {@code 10m}, {@code 90s}: the text is kept for formatting. */
    record DurationLit(Duration value, String text, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDurationLit(this);
        }
    }

    record ListLit(List<Expr> elements, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitListLit(this);
        }

        public ListLit {
            elements = List.copyOf(elements);
        }
    }

    /** {@code low..high [step s]}: inclusive at both ends. */
    record Range(Expr low, Expr high, Expr step, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRange(this);
        }

        public Optional<Expr> stepExpr() {
            return Optional.ofNullable(step);
        }
    }

    /** A bare name: a declared series/model/let, a column in a condition, or a word option value. */
    record Name(String name, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitName(this);
        }
    }

    /** {@code f(a, b, name: c)}. */
    record Call(Identifier callee, List<Argument> arguments, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCall(this);
        }

        public Call {
            arguments = List.copyOf(arguments);
        }

        public List<Argument> positional() {
            return arguments.stream().filter(a -> a.name() == null).toList();
        }

        public List<Argument> named() {
            return arguments.stream().filter(a -> a.name() != null).toList();
        }
    }

    /** A call argument; {@code name} is null for positional ones. */
    record Argument(Identifier name, Expr value, Span span) implements Node {
        public boolean isNamed() {
            return name != null;
        }
    }

    /** {@code sum(demand over horizon 1..7)}: aggregation of a series over part of the horizon. */
    record Aggregate(Identifier function, Expr operand, Identifier dimension, Range range, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAggregate(this);
        }
    }

    /**
     * {@code CALL [using MODEL] [with NAME = VALUE, ...] [assuming independence] [where CONDITION]}.
     * Every question is one: in the value of let, export and plot, and in a statement on its own, the
     * parser turns a call without clauses into a Query too ({@link #of}), so passes never meet a
     * question as a bare call. {@code whatIfs} are the {@code with} assignments (empty when none).
     */
    record Query(Expr body, Identifier model, List<WhatIf> whatIfs, boolean assumingIndependence, Expr condition,
                 Span span) implements Expr {
        public Query {
            whatIfs = List.copyOf(whatIfs);
        }

        /** A query without a {@code with} clause. */
        public Query(Expr body, Identifier model, boolean assumingIndependence, Expr condition, Span span) {
            this(body, model, List.of(), assumingIndependence, condition, span);
        }

        /** A call asked without clauses, {@code quantile(demand, 0.9)}: no model named, no condition. */
        public static Query of(Call call) {
            return new Query(call, null, false, null, call.span());
        }

        /** Whether no clause was written (the query is its call alone). */
        public boolean bare() {
            return model == null && whatIfs.isEmpty() && !assumingIndependence && condition == null;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitQuery(this);
        }

        public Optional<Identifier> modelName() {
            return Optional.ofNullable(model);
        }

        public Optional<Expr> where() {
            return Optional.ofNullable(condition);
        }
    }

    /**
     * One assignment of a {@code with} clause, {@code price = price * 0.9}: the future values of the
     * dynamic covariate {@code covariate} replaced by {@code value}, in which the covariate's own name
     * stands for its planned value. Not an expression (like {@link Argument}): the value's names are
     * covariates, not names of the script, so passes over the script's names do not visit it.
     */
    record WhatIf(Identifier covariate, Expr value, Span span) {
    }

    /** {@code evaluate A, B on SERIES [backtest] name: value ...}: a rolling-origin backtest. */
    record Evaluate(List<Identifier> models, Identifier series, boolean backtestKeyword, List<Argument> options,
                    Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitEvaluate(this);
        }

        public Evaluate {
            models = List.copyOf(models);
            options = List.copyOf(options);
        }
    }

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitUnary(this);
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBinary(this);
        }
    }

    /** {@code x in a..b}. */
    record InRange(Expr value, Range range, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitInRange(this);
        }
    }

    /** {@code x in [a, b]}. */
    record InList(Expr value, ListLit list, Span span) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitInList(this);
        }
    }

    enum UnaryOp {
        NEGATE("-"), NOT("not ");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Binary operators with their precedence (higher binds tighter), as the grammar defines it. */
    enum BinaryOp {
        MUL("*", 5), DIV("/", 5), ADD("+", 4), SUB("-", 4),
        EQ("==", 3), NE("!=", 3), LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3),
        AND("and", 2), OR("or", 1);

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }

        public boolean isComparison() {
            return precedence == 3;
        }

        /** The comparison that holds with its sides swapped: {@code a < b} is {@code b > a}. */
        public BinaryOp mirrored() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }
}
