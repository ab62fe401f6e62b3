package dev.qfl.eval;

import dev.qfl.ast.Expr;
import dev.qfl.check.Constants;
import dev.qfl.check.Scope;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * A checked {@code where} condition compiled into a predicate over result rows (cells in column
 * order). Constants are folded once here, not per row.
 */
final class RowCondition {
    private RowCondition() {
    }

    static Predicate<Object[]> compile(Expr e, List<Column> columns, Scope scope) {
        if (e == null) {
            return row -> true;
        }
        return e.accept(new Compiler(columns, scope));
    }

    /**
     * One predicate per node of the condition. Every kind of expression has its case: those that
     * the checker never lets into a {@code where} (literals, calls, queries...) are an internal
     * error, so a new kind of condition cannot be silently ignored.
     */
    private record Compiler(List<Column> columns, Scope scope) implements Expr.Visitor<Predicate<Object[]>> {
        @Override
        public Predicate<Object[]> visitBinary(Expr.Binary b) {
            if (b.op() == Expr.BinaryOp.AND) {
                return b.left().accept(this).and(b.right().accept(this));
            }
            if (b.op() == Expr.BinaryOp.OR) {
                return b.left().accept(this).or(b.right().accept(this));
            }
            if (!b.op().isComparison()) {
                return notACondition(b);
            }
            boolean columnLeft = isColumn(b.left(), columns, scope);
            Expr col = columnLeft ? b.left() : b.right();
            Expr other = columnLeft ? b.right() : b.left();
            Expr.BinaryOp op = columnLeft ? b.op() : b.op().mirrored();
            int c = index(col, columns);
            if (isColumn(other, columns, scope)) {
                int d = index(other, columns);
                return row -> test(op, compare(row[c], row[d]));
            }
            return comparison(op, c, columns.get(c), Constants.fold(other, scope).orElseThrow());
        }

        @Override
        public Predicate<Object[]> visitUnary(Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT ? u.operand().accept(this).negate() : notACondition(u);
        }

        @Override
        public Predicate<Object[]> visitInRange(Expr.InRange r) {
            int c = index(r.value(), columns);
            var range = (dev.qfl.check.RangeValue) Constants.fold(r.range(), scope).orElseThrow();
            double lo = range.low().doubleValue();
            double hi = range.high().doubleValue();
            boolean whole = range.step().compareTo(BigDecimal.ONE) == 0 && range.low().stripTrailingZeros().scale() <= 0;
            return row -> {
                double v = ((Number) row[c]).doubleValue();
                return v >= lo && v <= hi && (!whole || v == Math.rint(v))
                        && (whole || range.contains(BigDecimal.valueOf(v)));
            };
        }

        @Override
        public Predicate<Object[]> visitInList(Expr.InList l) {
            int c = index(l.value(), columns);
            List<Predicate<Object[]>> any = l.list().elements().stream()
                    .map(item -> comparison(Expr.BinaryOp.EQ, c, columns.get(c), Constants.fold(item, scope).orElseThrow()))
                    .toList();
            return row -> any.stream().anyMatch(p -> p.test(row));
        }

        @Override
        public Predicate<Object[]> visitNumberLit(Expr.NumberLit e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitStringLit(Expr.StringLit e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitBoolLit(Expr.BoolLit e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitDurationLit(Expr.DurationLit e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitListLit(Expr.ListLit e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitRange(Expr.Range e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitName(Expr.Name e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitCall(Expr.Call e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitAggregate(Expr.Aggregate e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitQuery(Expr.Query e) {
            return notACondition(e);
        }

        @Override
        public Predicate<Object[]> visitEvaluate(Expr.Evaluate e) {
            return notACondition(e);
        }

        /** The checker (ConditionChecker) refuses these in a where; reaching one here is a bug, said in one line. */
        private static Predicate<Object[]> notACondition(Expr e) {
            throw new IllegalStateException("unchecked condition at line " + e.span().line() + ", column "
                    + e.span().column());
        }
    }

    private static Predicate<Object[]> comparison(Expr.BinaryOp op, int c, Column column, Object constant) {
        Object target = column.type() == ColumnType.DATE ? LocalDate.parse(((String) constant).substring(0,
                Math.min(10, ((String) constant).length()))).atStartOfDay()
                : constant instanceof BigDecimal d ? (Object) d.doubleValue() : constant;
        return row -> test(op, compare(row[c], target));
    }

    private static int compare(Object cell, Object target) {
        if (cell instanceof Number a && target instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (target instanceof LocalDateTime t) {
            LocalDateTime v = cell instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) cell;
            return v.compareTo(t);
        }
        return String.valueOf(cell).compareTo(String.valueOf(target));
    }

    private static boolean test(Expr.BinaryOp op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    private static boolean isColumn(Expr e, List<Column> columns, Scope scope) {
        return e instanceof Expr.Name n && scope.lookup(n.name()).isEmpty()
                && columns.stream().anyMatch(c -> c.name().equals(n.name()));
    }

    private static int index(Expr e, List<Column> columns) {
        String name = ((Expr.Name) e).name();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("unchecked column " + name);
    }

}
