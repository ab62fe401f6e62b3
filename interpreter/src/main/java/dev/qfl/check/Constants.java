package dev.qfl.check;

import dev.qfl.ast.Expr;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds expressions whose value is known before running: literals, lists, ranges, arithmetic on
 * them, and names bound to constants with {@code let}. Numbers stay {@link BigDecimal}.
 * Returns empty for anything that depends on data (and for invalid operations, which the checker
 * reports separately).
 */
public final class Constants {
    private Constants() {
    }

    public static Optional<Object> fold(Expr e, Scope scope) {
        return Optional.ofNullable(value(e, scope));
    }

    public static Optional<BigDecimal> number(Expr e, Scope scope) {
        return fold(e, scope).filter(v -> v instanceof BigDecimal).map(v -> (BigDecimal) v);
    }

    /** The value, or null when unknown before running; an absent expression (null) has none. */
    private static Object value(Expr e, Scope scope) {
        return e == null ? null : e.accept(new Folder(scope));
    }

    /**
     * The value of one node, or null when it is not known before running. Every kind of node has
     * its case, so a new one must be classified (constant or not) before this compiles.
     */
    private static final class Folder implements Expr.Visitor<Object> {
        private final Scope scope;

        Folder(Scope scope) {
            this.scope = scope;
        }

        @Override
        public Object visitNumberLit(Expr.NumberLit n) {
            return n.value();
        }

        @Override
        public Object visitStringLit(Expr.StringLit s) {
            return s.value();
        }

        @Override
        public Object visitBoolLit(Expr.BoolLit b) {
            return b.value();
        }

        @Override
        public Object visitDurationLit(Expr.DurationLit d) {
            return d.value();
        }

        @Override
        public Object visitListLit(Expr.ListLit l) {
            List<Object> out = new ArrayList<>();
            for (Expr x : l.elements()) {
                Object v = x.accept(this);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return List.copyOf(out);
        }

        @Override
        public Object visitRange(Expr.Range r) {
            return range(r, scope);
        }

        /** A name bound to a constant with let; series, models and tables are data. */
        @Override
        public Object visitName(Expr.Name n) {
            return scope.lookup(n.name()).filter(s -> s instanceof Symbol.LetSymbol)
                    .map(s -> ((Symbol.LetSymbol) s).constant()).orElse(null);
        }

        @Override
        public Object visitUnary(Expr.Unary u) {
            if (u.op() != Expr.UnaryOp.NEGATE) {
                return null;
            }
            return u.operand().accept(this) instanceof BigDecimal d ? d.negate() : null;
        }

        @Override
        public Object visitBinary(Expr.Binary b) {
            Object l = b.left().accept(this);
            Object r = b.right().accept(this);
            if (l instanceof BigDecimal x && r instanceof BigDecimal y) {
                return switch (b.op()) {
                    // 34 significant digits: beyond any double, and 5 + 1e-999999999 stays a small number
                    // instead of a billion-digit one
                    case ADD -> x.add(y, MathContext.DECIMAL128);
                    case SUB -> x.subtract(y, MathContext.DECIMAL128);
                    case MUL -> x.multiply(y, MathContext.DECIMAL128);
                    case DIV -> y.signum() == 0 ? null : x.divide(y, MathContext.DECIMAL64).stripTrailingZeros();
                    default -> null;
                };
            }
            return null;
        }

        // questions, calls and conditions depend on data (or are not values at all)

        @Override
        public Object visitCall(Expr.Call c) {
            return null;
        }

        @Override
        public Object visitAggregate(Expr.Aggregate a) {
            return null;
        }

        @Override
        public Object visitQuery(Expr.Query q) {
            return null;
        }

        @Override
        public Object visitEvaluate(Expr.Evaluate v) {
            return null;
        }

        @Override
        public Object visitInRange(Expr.InRange r) {
            return null;
        }

        @Override
        public Object visitInList(Expr.InList l) {
            return null;
        }
    }

    private static RangeValue range(Expr.Range r, Scope scope) {
        Object low = value(r.low(), scope);
        Object high = value(r.high(), scope);
        Object step = r.step() == null ? defaultStep(low, high) : value(r.step(), scope);
        if (low instanceof BigDecimal lo && high instanceof BigDecimal hi && step instanceof BigDecimal st
                && st.signum() > 0) {
            return new RangeValue(lo, hi, st);
        }
        return null;
    }

    /** Whole-number ranges count in ones; a fractional range needs an explicit step. */
    static BigDecimal defaultStep(Object low, Object high) {
        if (low instanceof BigDecimal lo && high instanceof BigDecimal hi && isWhole(lo) && isWhole(hi)) {
            return BigDecimal.ONE;
        }
        return null;
    }

    /**
     * A whole number as an int, saturated at the ends of the int range: {@code intValue()} wraps
     * around, so 4294967297 would pass a check of "1 to 100000" as 1 and be used as 1.
     */
    static int saturatedInt(BigDecimal d) {
        return d.max(BigDecimal.valueOf(Integer.MIN_VALUE)).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }

    static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
}
