package dev.qfl.check;

import dev.qfl.ast.ConditionVisitor;
import dev.qfl.ast.Expr;
import dev.qfl.check.ConditionTruth.Truth;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
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

    private final ConditionTruth truth;

    ConditionReach(Checker checker, SourceFile file, Scope scope) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
        this.truth = new ConditionTruth(scope);
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
                    && k.values().stream().allMatch(v -> truth.of(condition, k.column(), v) == Truth.NO)) {
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

    /** Parts that can never hold or cannot be read, whatever the rest says; all are reported. */
    private boolean atoms(Expr e) {
        return e.accept(new ConditionVisitor.EveryPart() {
            @Override
            protected Boolean comparison(Expr.Binary b) {
                return horizonStepsInRange(b);
            }

            @Override
            protected Boolean inRange(Expr.InRange r) {
                if (Constants.fold(r.range(), scope).orElse(null) instanceof RangeValue v && v.count() == 0) {
                    error(DiagnosticCode.BAD_RANGE, r.range(), "the range " + written(r.range()) + " is empty: it "
                            + "starts above its end", "ranges run upwards, e.g. " + LevelRule.show(v.high()) + ".."
                            + LevelRule.show(v.low()));
                    return false;
                }
                return horizonStepsInRange(r);
            }

            @Override
            protected Boolean inList(Expr.InList l) {
                if (l.list().elements().isEmpty()) {
                    error(DiagnosticCode.IMPOSSIBLE_CONDITION, l, "'" + Formatter.expr(l) + "' matches nothing: the "
                            + "list is empty", "list the values to keep, e.g. id in [\"A-17\", \"B-02\"]");
                    return false;
                }
                return horizonStepsInRange(l);
            }

            @Override
            protected Boolean otherwise(Expr e) {
                return true;
            }
        });
    }

    /** A test on horizon naming a step beyond any int is refused before steps are tried. */
    private boolean horizonStepsInRange(Expr test) {
        if (!isHorizon(test)) {
            return true;
        }
        for (Expr bound : constants(test)) {
            Optional<BigDecimal> n = Constants.number(bound, scope);
            if (n.isPresent() && n.get().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                error(DiagnosticCode.BAD_RANGE, bound, "the horizon step " + written(bound) + " is beyond any "
                        + "horizon QFL forecasts", "a model forecasts at most 10000 steps; e.g. horizon in 1..14");
                return false;
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
        if (anyStep(1, last, h -> truth.of(condition, "horizon", h) != Truth.NO)) {
            return true;
        }
        if (modelSteps > 0 && anyStep(modelSteps + 1, (int) tried, h -> truth.of(condition, "horizon", h) != Truth.NO)) {
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
                .filter(a -> !anyStep(from, to, h -> truth.of(a, "horizon", h) != Truth.NO)).findFirst();
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

    /** The tests on horizon in a condition, in order, under any connectives. */
    private List<Expr> horizonAtoms(Expr condition) {
        List<Expr> out = new ArrayList<>();
        condition.accept(new ConditionVisitor<Void>() {
            @Override
            protected Void and(Expr.Binary b) {
                b.left().accept(this);
                return b.right().accept(this);
            }

            @Override
            protected Void or(Expr.Binary b) {
                return and(b);
            }

            @Override
            protected Void not(Expr.Unary u) {
                return u.operand().accept(this);
            }

            @Override
            protected Void comparison(Expr.Binary b) {
                return otherwise(b);
            }

            @Override
            protected Void inRange(Expr.InRange r) {
                return otherwise(r);
            }

            @Override
            protected Void inList(Expr.InList l) {
                return otherwise(l);
            }

            @Override
            protected Void otherwise(Expr e) {
                if (isHorizon(e)) {
                    out.add(e);
                }
                return null;
            }
        });
        return out;
    }

    private boolean isHorizon(Expr e) {
        return truth.names(e, "horizon");
    }

    /** The constant sides of a test on horizon: the other side of a comparison, a range's ends, a list's items. */
    private List<Expr> constants(Expr test) {
        return test.accept(new ConditionVisitor<List<Expr>>() {
            @Override
            protected List<Expr> and(Expr.Binary b) {
                return List.of();
            }

            @Override
            protected List<Expr> or(Expr.Binary b) {
                return List.of();
            }

            @Override
            protected List<Expr> not(Expr.Unary u) {
                return List.of();
            }

            @Override
            protected List<Expr> comparison(Expr.Binary b) {
                return List.of(truth.isColumn(b.left(), "horizon") ? b.right() : b.left());
            }

            @Override
            protected List<Expr> inRange(Expr.InRange r) {
                return List.of(r.range().low(), r.range().high());
            }

            @Override
            protected List<Expr> inList(Expr.InList l) {
                return l.list().elements();
            }

            @Override
            protected List<Expr> otherwise(Expr e) {
                return List.of();
            }
        });
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
