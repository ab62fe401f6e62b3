package dev.qfl.check;

import dev.qfl.ast.ConditionVisitor;
import dev.qfl.ast.Expr;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A {@code where} condition evaluated for one value of one column, every test of another column
 * counting as "maybe" (three-valued logic). {@link ConditionReach} tries the columns whose values
 * are known before running this way; the arithmetic is the row filter's at run time
 * ({@code RowCondition}): doubles, and ranges by their values.
 */
final class ConditionTruth {
    /** Three-valued truth: a comparison of a column that is not being tried is {@code MAYBE}. */
    enum Truth {
        YES, NO, MAYBE;

        Truth and(Truth o) {
            return this == NO || o == NO ? NO : this == YES && o == YES ? YES : MAYBE;
        }

        Truth or(Truth o) {
            return this == YES || o == YES ? YES : this == NO && o == NO ? NO : MAYBE;
        }

        Truth not() {
            return this == YES ? NO : this == NO ? YES : MAYBE;
        }
    }

    private final Scope scope;

    ConditionTruth(Scope scope) {
        this.scope = scope;
    }

    /** The truth of {@code condition} on rows where {@code column} is {@code v}. */
    Truth of(Expr condition, String column, double v) {
        return condition.accept(new Evaluation(column, v));
    }

    /** Whether {@code e} is a comparison, range or list test about {@code column}. */
    boolean names(Expr e, String column) {
        return e.accept(new ConditionVisitor<Boolean>() {
            @Override
            protected Boolean and(Expr.Binary b) {
                return false;
            }

            @Override
            protected Boolean or(Expr.Binary b) {
                return false;
            }

            @Override
            protected Boolean not(Expr.Unary u) {
                return false;
            }

            @Override
            protected Boolean comparison(Expr.Binary b) {
                return isColumn(b.left(), column) || isColumn(b.right(), column);
            }

            @Override
            protected Boolean inRange(Expr.InRange r) {
                return isColumn(r.value(), column);
            }

            @Override
            protected Boolean inList(Expr.InList l) {
                return isColumn(l.value(), column);
            }

            @Override
            protected Boolean otherwise(Expr e) {
                return false;
            }
        });
    }

    /** A bare name that is the column (and not a constant of the same name bound with let). */
    boolean isColumn(Expr e, String column) {
        return e instanceof Expr.Name n && n.name().equals(column) && scope.lookup(column).isEmpty();
    }

    private final class Evaluation extends ConditionVisitor<Truth> {
        private final String column;
        private final double v;

        Evaluation(String column, double v) {
            this.column = column;
            this.v = v;
        }

        @Override
        protected Truth and(Expr.Binary b) {
            return b.left().accept(this).and(b.right().accept(this));
        }

        @Override
        protected Truth or(Expr.Binary b) {
            return b.left().accept(this).or(b.right().accept(this));
        }

        @Override
        protected Truth not(Expr.Unary u) {
            return u.operand().accept(this).not();
        }

        @Override
        protected Truth comparison(Expr.Binary b) {
            boolean left = isColumn(b.left(), column);
            boolean right = isColumn(b.right(), column);
            if (left == right) {
                return Truth.MAYBE; // about another column, or the column compared with itself
            }
            return left ? compare(b.op(), b.right()) : compare(b.op().mirrored(), b.left());
        }

        @Override
        protected Truth inRange(Expr.InRange r) {
            if (!isColumn(r.value(), column)) {
                return Truth.MAYBE;
            }
            RangeValue range = (RangeValue) Constants.fold(r.range(), scope).orElse(null);
            if (range == null) {
                return Truth.MAYBE;
            }
            return v >= range.low().doubleValue() && v <= range.high().doubleValue()
                    && range.contains(BigDecimal.valueOf(v)) ? Truth.YES : Truth.NO;
        }

        @Override
        protected Truth inList(Expr.InList l) {
            if (l.list().elements().isEmpty()) {
                return Truth.NO;
            }
            if (!isColumn(l.value(), column)) {
                return Truth.MAYBE;
            }
            Truth any = Truth.NO;
            for (Expr item : l.list().elements()) {
                any = any.or(compare(Expr.BinaryOp.EQ, item));
            }
            return any;
        }

        @Override
        protected Truth otherwise(Expr e) {
            return Truth.MAYBE;
        }

        private Truth compare(Expr.BinaryOp op, Expr other) {
            Optional<BigDecimal> n = Constants.number(other, scope);
            if (n.isEmpty()) {
                return Truth.MAYBE;
            }
            int cmp = Double.compare(v, n.get().doubleValue());
            boolean holds = switch (op) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                default -> cmp >= 0;
            };
            return holds ? Truth.YES : Truth.NO;
        }
    }
}
