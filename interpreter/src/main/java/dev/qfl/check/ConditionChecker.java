package dev.qfl.check;

import dev.qfl.ast.ConditionVisitor;
import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@code where} condition against the columns of a query's result: every name is a
 * column (or a constant bound with {@code let}), and each comparison compares like with like
 * (ids with strings, dates with ISO date strings, numbers with numbers).
 */
final class ConditionChecker {
    private final Checker checker;
    private final SourceFile file;
    private final Scope scope;
    private final List<Column> columns;

    ConditionChecker(Checker checker, SourceFile file, Scope scope, QueryKind kind) {
        this(checker, file, scope, kind.columns());
    }

    /** Conditions on {@code columns}: a query's, with the key columns of its series ({@code id: [...]}). */
    ConditionChecker(Checker checker, SourceFile file, Scope scope, List<Column> columns) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
        this.columns = columns;
    }

    boolean check(Expr e) {
        return e.accept(new Parts());
    }

    /** Every part of the condition is checked, so all its independent errors are reported at once. */
    private final class Parts extends ConditionVisitor.EveryPart {
        @Override
        protected Boolean comparison(Expr.Binary b) {
            Optional<Column> left = column(b.left());
            Optional<Column> right = column(b.right());
            if (left.isEmpty() && right.isEmpty()) {
                return unknownOrConstant(b.left()) & unknownOrConstant(b.right()) && noColumn(b);
            }
            if (left.isPresent() && right.isPresent()) {
                return true;
            }
            Column c = left.orElseGet(right::orElseThrow);
            Expr other = left.isPresent() ? b.right() : b.left();
            return comparable(c, other);
        }

        @Override
        protected Boolean inRange(Expr.InRange r) {
            Optional<Column> c = column(r.value());
            if (c.isEmpty()) {
                return unknownOrConstant(r.value()) && noColumn(r);
            }
            if (c.get().type() == ColumnType.STRING || c.get().type() == ColumnType.DATE) {
                error(r, "'" + c.get().name() + "' cannot be in a numeric range", "use == or in [\"...\", \"...\"]");
                return false;
            }
            if (Constants.fold(r.range(), scope).isEmpty()) {
                error(r.range(), "the range must be made of numbers known before running", "e.g. horizon in 1..7");
                return false;
            }
            return true;
        }

        @Override
        protected Boolean inList(Expr.InList l) {
            Optional<Column> c = column(l.value());
            if (c.isEmpty()) {
                return unknownOrConstant(l.value()) && noColumn(l);
            }
            boolean ok = true;
            for (Expr item : l.list().elements()) {
                ok &= comparable(c.get(), item);
            }
            return ok;
        }

        @Override
        protected Boolean otherwise(Expr e) {
            error(e, "a condition compares a column with a value", "e.g. horizon in 1..7 and id == \"A-17\"");
            return false;
        }
    }

    private boolean noColumn(Expr e) {
        error(e, "this condition does not mention a column of the result",
                "columns: " + String.join(", ", columns.stream().map(Column::name).toList()));
        return false;
    }

    private Optional<Column> column(Expr e) {
        if (e instanceof Expr.Name n && scope.lookup(n.name()).isEmpty()) {
            return columns.stream().filter(c -> c.name().equals(n.name())).findFirst();
        }
        return Optional.empty();
    }

    /** A name that is neither a column nor a constant is reported; other expressions pass here. */
    private boolean unknownOrConstant(Expr e) {
        if (e instanceof Expr.Name n && scope.lookup(n.name()).isEmpty()) {
            List<String> names = columns.stream().map(Column::name).toList();
            String hint = Suggestions.didYouMean(n.name(), names);
            checker.add(Diagnostic.error(DiagnosticCode.UNKNOWN_COLUMN, file, e.span(),
                    "the result has no column '" + n.name() + "'",
                    hint != null ? hint : "columns: " + String.join(", ", names)));
            return false;
        }
        return true;
    }

    private boolean comparable(Column c, Expr value) {
        if (!unknownOrConstant(value)) {
            return false;
        }
        Optional<Object> v = Constants.fold(value, scope);
        if (v.isEmpty()) {
            error(value, "compare '" + c.name() + "' with a value known before running");
            return false;
        }
        Object x = v.get();
        switch (c.type()) {
            case STRING:
                if (!(x instanceof String)) {
                    error(value, "'" + c.name() + "' holds text; compare it with a quoted string", "e.g. id == \"A-17\"");
                    return false;
                }
                return true;
            case DATE:
                if (!(x instanceof String s) || !isDate(s)) {
                    error(value, "'" + c.name() + "' is a date; compare it with a date in quotes",
                            "e.g. date >= \"2024-07-01\"");
                    return false;
                }
                return true;
            default:
                if (!(x instanceof BigDecimal)) {
                    error(value, "'" + c.name() + "' is a number; compare it with a number");
                    return false;
                }
                return true;
        }
    }

    static boolean isDate(String s) {
        try {
            LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void error(Expr at, String message, String... hints) {
        checker.add(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, at.span(), message, hints));
    }

    static boolean isNumber(Object o) {
        return o instanceof BigDecimal;
    }
}
