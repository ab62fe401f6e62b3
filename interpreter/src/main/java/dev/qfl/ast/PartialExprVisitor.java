package dev.qfl.ast;

/**
 * A visitor for passes that care about a few kinds of expression: every method falls back to
 * {@link #otherwise}, and a pass overrides only the kinds it treats specially. The main passes
 * (checking, formatting, folding, running conditions) implement {@link Expr.Visitor} in full
 * instead, so that a new kind of expression is a compile error there until it is handled.
 */
public abstract class PartialExprVisitor<R> implements Expr.Visitor<R> {

    /** The answer for every kind of expression this pass does not override. */
    protected abstract R otherwise(Expr e);

    @Override
    public R visitNumberLit(Expr.NumberLit e) {
        return otherwise(e);
    }

    @Override
    public R visitStringLit(Expr.StringLit e) {
        return otherwise(e);
    }

    @Override
    public R visitBoolLit(Expr.BoolLit e) {
        return otherwise(e);
    }

    @Override
    public R visitDurationLit(Expr.DurationLit e) {
        return otherwise(e);
    }

    @Override
    public R visitListLit(Expr.ListLit e) {
        return otherwise(e);
    }

    @Override
    public R visitRange(Expr.Range e) {
        return otherwise(e);
    }

    @Override
    public R visitName(Expr.Name e) {
        return otherwise(e);
    }

    @Override
    public R visitCall(Expr.Call e) {
        return otherwise(e);
    }

    @Override
    public R visitAggregate(Expr.Aggregate e) {
        return otherwise(e);
    }

    @Override
    public R visitQuery(Expr.Query e) {
        return otherwise(e);
    }

    @Override
    public R visitEvaluate(Expr.Evaluate e) {
        return otherwise(e);
    }

    @Override
    public R visitUnary(Expr.Unary e) {
        return otherwise(e);
    }

    @Override
    public R visitBinary(Expr.Binary e) {
        return otherwise(e);
    }

    @Override
    public R visitInRange(Expr.InRange e) {
        return otherwise(e);
    }

    @Override
    public R visitInList(Expr.InList e) {
        return otherwise(e);
    }
}
