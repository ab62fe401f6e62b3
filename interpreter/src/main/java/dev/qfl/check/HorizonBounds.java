package dev.qfl.check;

import dev.qfl.ast.ConditionVisitor;
import dev.qfl.ast.Expr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The largest horizon step a {@code where} condition can select, when the condition bounds it.
 * Used to reject questions beyond a model's horizon before anything runs, and to tell the model
 * how far ahead a query needs.
 */
public final class HorizonBounds {
    private HorizonBounds() {
    }

    /**
     * An upper bound and the sub-expression that sets it.
     *
     * @param value largest selectable horizon step
     * @param at    the comparison that bounds it (where an error points)
     */
    public record Bound(int value, Expr at) {
    }

    /** The bound a condition sets; none without a condition ({@code null}: the query has no where). */
    public static Optional<Bound> upper(Expr condition, Scope scope) {
        return condition == null ? Optional.empty() : condition.accept(new Upper(scope));
    }

    /** The bound each part sets: {@code and} keeps the tighter, {@code or} the looser, {@code not} none. */
    private static final class Upper extends ConditionVisitor<Optional<Bound>> {
        private final Scope scope;

        Upper(Scope scope) {
            this.scope = scope;
        }

        @Override
        protected Optional<Bound> and(Expr.Binary b) {
            Optional<Bound> l = b.left().accept(this);
            Optional<Bound> r = b.right().accept(this);
            if (l.isPresent() && r.isPresent()) {
                return Optional.of(l.get().value() <= r.get().value() ? l.get() : r.get());
            }
            return l.isPresent() ? l : r;
        }

        @Override
        protected Optional<Bound> or(Expr.Binary b) {
            Optional<Bound> l = b.left().accept(this);
            Optional<Bound> r = b.right().accept(this);
            if (l.isPresent() && r.isPresent()) {
                return Optional.of(l.get().value() >= r.get().value() ? l.get() : r.get());
            }
            return Optional.empty();
        }

        @Override
        protected Optional<Bound> not(Expr.Unary u) {
            return Optional.empty();
        }

        @Override
        protected Optional<Bound> comparison(Expr.Binary b) {
            if (isHorizon(b.left())) {
                return HorizonBounds.comparison(b.op(), b.right(), b, scope);
            }
            if (isHorizon(b.right())) {
                return HorizonBounds.comparison(b.op().mirrored(), b.left(), b, scope);
            }
            return Optional.empty();
        }

        @Override
        protected Optional<Bound> inRange(Expr.InRange r) {
            if (!isHorizon(r.value())) {
                return Optional.empty();
            }
            return Constants.number(r.range().high(), scope).map(h -> new Bound(step(h, RoundingMode.FLOOR), r));
        }

        @Override
        protected Optional<Bound> inList(Expr.InList l) {
            Optional<Object> v = isHorizon(l.value()) ? Constants.fold(l.list(), scope) : Optional.empty();
            if (v.isPresent() && v.get() instanceof java.util.List<?> values && !values.isEmpty()
                    && values.stream().allMatch(x -> x instanceof BigDecimal)) {
                int max = values.stream().map(x -> step((BigDecimal) x, RoundingMode.FLOOR))
                        .max(Integer::compare).orElseThrow();
                return Optional.of(new Bound(max, l));
            }
            return Optional.empty();
        }

        @Override
        protected Optional<Bound> otherwise(Expr e) {
            return Optional.empty();
        }
    }

    private static boolean isHorizon(Expr e) {
        return e instanceof Expr.Name n && n.name().equals("horizon");
    }

    private static Optional<Bound> comparison(Expr.BinaryOp op, Expr limit, Expr at, Scope scope) {
        Optional<BigDecimal> n = Constants.number(limit, scope);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal v = n.get();
        return switch (op) {
            case EQ, LE -> Optional.of(new Bound(step(v, RoundingMode.FLOOR), at));
            case LT -> Optional.of(new Bound(step(v, RoundingMode.CEILING) - 1, at));
            default -> Optional.empty();
        };
    }

    /**
     * A bound as a whole step, clamped into the int range: {@code intValue()} of 99999999999 would
     * wrap around to an unrelated number (the checker reports such bounds; this keeps the value sane).
     */
    private static int step(BigDecimal v, RoundingMode rounding) {
        if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0) {
            return Integer.MAX_VALUE;
        }
        if (v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE + 1)) <= 0) {
            return Integer.MIN_VALUE + 1;
        }
        if (v.scale() > v.precision()) {
            // |v| < 0.1, e.g. 1e-999999999, whose rescaling to whole steps would not fit in memory
            int away = rounding == RoundingMode.FLOOR ? -1 : 1;
            return v.signum() == away ? away : 0;
        }
        return v.setScale(0, rounding).intValue();
    }

}
