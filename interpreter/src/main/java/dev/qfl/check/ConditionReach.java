package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.format.Formatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;

/**
 * Finds {@code where} conditions that can select no row although every part is well-typed:
 * {@code horizon in 10..1}, {@code horizon == 0}, {@code horizon == 1.5}, {@code horizon > 14} on a
 * 14-step model, {@code level == 0.9} when only 0.5 is asked, {@code id in []}. Before this check
 * they ran and printed an empty table, indistinguishable from a real "nothing to report".
 *
 * <p>The columns whose values are known before running (the horizon steps 1..H, the levels, the
 * threshold or stock) are tried one at a time, every other comparison counting as "maybe" (three-
 * valued logic). So a condition is refused only when no row can meet it, whatever the data; one
 * that merely selects nothing from this data (a mistyped id) is a warning at run time instead.
 */
final class ConditionReach {
    /** Horizon steps are tried one by one; conditions naming larger steps are left to the bound check. */
    private static final int MAX_STEPS_TRIED = 100_000;

    private final Checker checker;
    private final SourceFile file;
    private final Scope scope;

    ConditionReach(Checker checker, SourceFile file, Scope scope) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
    }

    /** Three-valued truth: a comparison of a column that is not being tried is {@code MAYBE}. */
    private enum Truth {
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

    /**
     * Checks a condition that passed {@link ConditionChecker}, reporting why it can select nothing.
     *
     * @param known      values of the columns known before running other than horizon (level, threshold, stock)
     * @param modelName  the model answering (for messages)
     * @param modelSteps the model's horizon, 0 when unknown (a loaded model)
     * @return whether the condition can select a row; false after reporting
     */
    boolean check(Expr condition, QueryKind kind, List<Known> known, String modelName, int modelSteps) {
        if (!atoms(condition)) {
            return false;
        }
        for (Known k : known) {
            if (kind.columnNames().contains(k.column()) && !k.values().isEmpty()
                    && k.values().stream().allMatch(v -> truth(condition, k.column(), v) == Truth.NO)) {
                error(DiagnosticCode.IMPOSSIBLE_CONDITION, condition, "no row can meet this condition: " + k.column()
                        + " is " + (k.values().size() == 1 ? "" : "one of ") + values(k.values()),
                        "compare " + k.column() + " with one of these values, or leave that part out");
                return false;
            }
        }
        return !kind.columnNames().contains("horizon") || horizon(condition, modelName, modelSteps);
    }

    /** A column whose possible values are known before running. */
    record Known(String column, List<Double> values) {
    }

    /**
     * The answer's columns whose values a query fixes: its levels, threshold or stock, its sample
     * paths 1..n, and a correlation's steps 1..H.
     */
    static List<Known> known(List<BigDecimal> levels, BigDecimal threshold, Map<String, BigDecimal> options,
                             int modelSteps) {
        List<Known> out = new ArrayList<>();
        if (options.get("paths") != null) {
            out.add(new Known("path", wholeNumbers(options.get("paths").intValue())));
        }
        if (modelSteps > 0) {
            out.add(new Known("horizon_i", wholeNumbers(modelSteps)));
            out.add(new Known("horizon_j", wholeNumbers(modelSteps)));
        }
        out.add(new Known("level", levels.stream().map(BigDecimal::doubleValue).toList()));
        if (threshold != null) {
            out.add(new Known("threshold", List.of(threshold.doubleValue())));
        }
        if (options.get("stock") != null) {
            out.add(new Known("stock", List.of(options.get("stock").doubleValue())));
        }
        return out;
    }

    private static List<Double> wholeNumbers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> (double) i).toList();
    }

    // ---- one part at a time -------------------------------------------------------------------

    /** Parts that can never hold or cannot be read, whatever the rest says. */
    private boolean atoms(Expr e) {
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
            return atoms(b.left()) & atoms(b.right());
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            return atoms(u.operand());
        }
        if (e instanceof Expr.InList l && l.list().elements().isEmpty()) {
            error(DiagnosticCode.IMPOSSIBLE_CONDITION, e, "'" + Formatter.expr(e) + "' matches nothing: the list is empty",
                    "list the values to keep, e.g. id in [\"A-17\", \"B-02\"]");
            return false;
        }
        if (e instanceof Expr.InRange r && Constants.fold(r.range(), scope).orElse(null) instanceof RangeValue v
                && v.count() == 0) {
            error(DiagnosticCode.BAD_RANGE, r.range(), "the range " + written(r.range()) + " is empty: it starts above "
                    + "its end", "ranges run upwards, e.g. " + LevelRule.show(v.high()) + ".." + LevelRule.show(v.low()));
            return false;
        }
        if (isHorizon(e)) {
            for (Expr bound : constants(e)) {
                Optional<BigDecimal> n = Constants.number(bound, scope);
                if (n.isPresent() && n.get().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    error(DiagnosticCode.BAD_RANGE, bound, "the horizon step " + written(bound) + " is beyond any "
                            + "horizon QFL forecasts", "a model forecasts at most 10000 steps; e.g. horizon in 1..14");
                    return false;
                }
            }
        }
        return true;
    }

    // ---- the horizon steps ---------------------------------------------------------------------

    private boolean horizon(Expr condition, String modelName, int modelSteps) {
        double largest = 0;
        for (Expr atom : horizonAtoms(condition)) {
            for (Expr c : constants(atom)) {
                largest = Math.max(largest, Constants.number(c, scope).map(BigDecimal::doubleValue).orElse(0.0));
            }
        }
        // past the largest constant every comparison with horizon keeps its truth, so trying one
        // step beyond it decides the condition for all larger steps too
        long tried = Math.max(modelSteps, (long) Math.floor(largest) + 1);
        if (tried > MAX_STEPS_TRIED) {
            return true;
        }
        int last = modelSteps > 0 ? modelSteps : (int) tried;
        if (anyStep(1, last, h -> truth(condition, "horizon", h) != Truth.NO)) {
            return true;
        }
        if (modelSteps > 0 && anyStep(modelSteps + 1, (int) tried, h -> truth(condition, "horizon", h) != Truth.NO)) {
            if (HorizonBounds.upper(condition, scope).filter(b -> b.value() > modelSteps).isPresent()) {
                return true; // the bound check names the step and the model's horizon
            }
            Expr at = culprit(condition, 1, modelSteps).orElse(condition);
            error(DiagnosticCode.HORIZON_BEYOND_MODEL, at, "'" + Formatter.expr(at) + "' selects only horizon steps "
                    + "beyond " + modelName + "'s horizon of " + modelSteps,
                    "declare the model with a longer horizon, or ask for steps 1.." + modelSteps);
            return false;
        }
        Optional<Expr> culprit = culprit(condition, 1, (int) tried);
        if (culprit.isPresent() && fractional(culprit.get())) {
            error(DiagnosticCode.IMPOSSIBLE_CONDITION, culprit.get(), "horizon steps are whole numbers, so '"
                    + Formatter.expr(culprit.get()) + "' selects nothing", "e.g. horizon == 1 for the first step ahead");
        } else if (culprit.isPresent()) {
            error(DiagnosticCode.BAD_RANGE, culprit.get(), "horizon steps start at 1, so '"
                    + Formatter.expr(culprit.get()) + "' selects nothing", "the first step ahead is horizon == 1");
        } else {
            error(DiagnosticCode.IMPOSSIBLE_CONDITION, condition, "no horizon step meets this condition: its parts on "
                    + "horizon contradict each other", "parts joined with 'and' must all hold for the same step; did you mean 'or'?");
        }
        return false;
    }

    private static boolean anyStep(int from, int to, DoublePredicate selects) {
        for (int h = from; h <= to; h++) {
            if (selects.test(h)) {
                return true;
            }
        }
        return false;
    }

    /** A part about horizon that alone rejects every step from..to, the most precise thing to point at. */
    private Optional<Expr> culprit(Expr condition, int from, int to) {
        return horizonAtoms(condition).stream()
                .filter(a -> !anyStep(from, to, h -> truth(a, "horizon", h) != Truth.NO)).findFirst();
    }

    /** Whether an equality or list names only steps between whole numbers. */
    private boolean fractional(Expr atom) {
        if (!(atom instanceof Expr.InList) && !(atom instanceof Expr.Binary b && b.op() == Expr.BinaryOp.EQ)) {
            return false;
        }
        List<Expr> cs = constants(atom);
        return !cs.isEmpty() && cs.stream().map(c -> Constants.number(c, scope))
                .allMatch(n -> n.isPresent() && !Constants.isWhole(n.get()));
    }

    private List<Expr> horizonAtoms(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
            out.addAll(horizonAtoms(b.left()));
            out.addAll(horizonAtoms(b.right()));
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            out.addAll(horizonAtoms(u.operand()));
        } else if (isHorizon(e)) {
            out.add(e);
        }
        return out;
    }

    // ---- evaluating a condition for one value of one column -----------------------------------

    private Truth truth(Expr e, String column, double v) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            return truth(b.left(), column, v).and(truth(b.right(), column, v));
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            return truth(b.left(), column, v).or(truth(b.right(), column, v));
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            return truth(u.operand(), column, v).not();
        }
        if (e instanceof Expr.InList l && l.list().elements().isEmpty()) {
            return Truth.NO;
        }
        if (!names(e, column)) {
            return Truth.MAYBE;
        }
        // the same arithmetic as the row filter at run time (RowCondition): doubles, ranges by their values
        if (e instanceof Expr.InRange r) {
            RangeValue range = (RangeValue) Constants.fold(r.range(), scope).orElse(null);
            if (range == null) {
                return Truth.MAYBE;
            }
            return v >= range.low().doubleValue() && v <= range.high().doubleValue()
                    && range.contains(BigDecimal.valueOf(v)) ? Truth.YES : Truth.NO;
        }
        if (e instanceof Expr.InList l) {
            Truth any = Truth.NO;
            for (Expr item : l.list().elements()) {
                any = any.or(compare(Expr.BinaryOp.EQ, v, item));
            }
            return any;
        }
        Expr.Binary b = (Expr.Binary) e;
        boolean left = isColumn(b.left(), column);
        if (left && isColumn(b.right(), column)) {
            return Truth.MAYBE;
        }
        return left ? compare(b.op(), v, b.right()) : compare(b.op().mirrored(), v, b.left());
    }

    private Truth compare(Expr.BinaryOp op, double v, Expr other) {
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

    /** Whether a comparison, range or list test is about {@code column} (and only it). */
    private boolean names(Expr e, String column) {
        if (e instanceof Expr.InRange r) {
            return isColumn(r.value(), column);
        }
        if (e instanceof Expr.InList l) {
            return isColumn(l.value(), column);
        }
        return e instanceof Expr.Binary b && b.op().isComparison()
                && (isColumn(b.left(), column) || isColumn(b.right(), column));
    }

    private boolean isHorizon(Expr e) {
        return names(e, "horizon");
    }

    private boolean isColumn(Expr e, String column) {
        return e instanceof Expr.Name n && n.name().equals(column) && scope.lookup(column).isEmpty();
    }

    /** The constant sides of a part about horizon: the other side of a comparison, a range's ends, a list's items. */
    private List<Expr> constants(Expr atom) {
        if (atom instanceof Expr.InRange r) {
            return List.of(r.range().low(), r.range().high());
        }
        if (atom instanceof Expr.InList l) {
            return l.list().elements();
        }
        Expr.Binary b = (Expr.Binary) atom;
        return List.of(isColumn(b.left(), "horizon") ? b.right() : b.left());
    }

    private String written(Expr e) {
        int start = e.span().start();
        int end = e.span().end();
        String text = file.text();
        return start >= 0 && end <= text.length() && start < end ? text.substring(start, end) : Formatter.expr(e);
    }

    private static String values(List<Double> values) {
        List<String> shown = values.stream().limit(8).map(v -> dev.qfl.stdlib.table.CellFormat.display(v)).toList();
        return String.join(", ", shown) + (values.size() > shown.size() ? ", ..." : "");
    }

    private void error(DiagnosticCode code, Expr at, String message, String... hints) {
        checker.add(Diagnostic.error(code, file, at.span(), message, hints));
    }
}
