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

    private static Object value(Expr e, Scope scope) {
        if (e instanceof Expr.NumberLit n) {
            return n.value();
        } else if (e instanceof Expr.StringLit s) {
            return s.value();
        } else if (e instanceof Expr.BoolLit b) {
            return b.value();
        } else if (e instanceof Expr.DurationLit d) {
            return d.value();
        } else if (e instanceof Expr.Name n) {
            return scope.lookup(n.name()).filter(s -> s instanceof Symbol.LetSymbol)
                    .map(s -> ((Symbol.LetSymbol) s).constant()).orElse(null);
        } else if (e instanceof Expr.ListLit l) {
            List<Object> out = new ArrayList<>();
            for (Expr x : l.elements()) {
                Object v = value(x, scope);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return List.copyOf(out);
        } else if (e instanceof Expr.Range r) {
            return range(r, scope);
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE) {
            Object v = value(u.operand(), scope);
            return v instanceof BigDecimal d ? d.negate() : null;
        } else if (e instanceof Expr.Binary b) {
            Object l = value(b.left(), scope);
            Object r = value(b.right(), scope);
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
        }
        return null;
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
