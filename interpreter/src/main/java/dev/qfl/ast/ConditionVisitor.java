package dev.qfl.ast;

/**
 * A visitor over the shape of a {@code where} condition: the connectives {@code and}, {@code or},
 * {@code not}, and the three tests (a comparison, {@code x in a..b}, {@code x in [...]}). The
 * condition passes (checking, reachability, horizon bounds, empty-answer hints) differ only in
 * what they do with these six, so each is one abstract method here and a pass that forgets one
 * does not compile; any other expression inside a condition goes to {@link #otherwise}.
 */
public abstract class ConditionVisitor<R> extends PartialExprVisitor<R> {

    protected abstract R and(Expr.Binary b);

    protected abstract R or(Expr.Binary b);

    protected abstract R not(Expr.Unary u);

    /** {@code a == b}, {@code a < b}, ...: a binary operator that {@link Expr.BinaryOp#isComparison() compares}. */
    protected abstract R comparison(Expr.Binary b);

    protected abstract R inRange(Expr.InRange r);

    protected abstract R inList(Expr.InList l);

    @Override
    public final R visitBinary(Expr.Binary b) {
        if (b.op() == Expr.BinaryOp.AND) {
            return and(b);
        }
        if (b.op() == Expr.BinaryOp.OR) {
            return or(b);
        }
        return b.op().isComparison() ? comparison(b) : otherwise(b);
    }

    @Override
    public final R visitUnary(Expr.Unary u) {
        return u.op() == Expr.UnaryOp.NOT ? not(u) : otherwise(u);
    }

    @Override
    public final R visitInRange(Expr.InRange r) {
        return inRange(r);
    }

    @Override
    public final R visitInList(Expr.InList l) {
        return inList(l);
    }

    /**
     * A check of every test in a condition, whatever connects them: {@code and} and {@code or}
     * visit both sides (without short-circuiting, so all independent problems are reported at
     * once) and hold when both do; {@code not} checks its operand. Only the three tests are left.
     */
    public abstract static class EveryPart extends ConditionVisitor<Boolean> {
        @Override
        protected final Boolean and(Expr.Binary b) {
            return b.left().accept(this) & b.right().accept(this);
        }

        @Override
        protected final Boolean or(Expr.Binary b) {
            return and(b);
        }

        @Override
        protected final Boolean not(Expr.Unary u) {
            return u.operand().accept(this);
        }
    }
}
