package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one query: the function and its arguments, which model answers it ({@code using}, or the
 * only model declared on the series), and the {@code where} condition (known columns, comparable
 * values, and no horizon beyond what the model forecasts).
 */
final class QueryChecker {
    private final Checker checker;
    private final SourceFile file;
    private final Scope scope;

    private final boolean plotting;

    QueryChecker(Checker checker, SourceFile file, Scope scope) {
        this(checker, file, scope, false);
    }

    /** With {@code plotting}, the plot-only kinds (fan, quantile_function) are accepted too. */
    QueryChecker(Checker checker, SourceFile file, Scope scope, boolean plotting) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
        this.plotting = plotting;
    }

    private void error(DiagnosticCode code, Expr at, String message, String... hints) {
        checker.add(Diagnostic.error(code, file, at.span(), message, hints));
    }

    boolean query(Expr body, Identifier using, boolean independence, Expr condition, Expr node) {
        if (!(body instanceof Expr.Call call) || QueryKind.byFunction(call.callee().name()).isEmpty()) {
            if (body instanceof Expr.Call c) {
                String hint = Suggestions.didYouMean(c.callee().name(), QueryKind.functions());
                error(DiagnosticCode.UNKNOWN_FUNCTION, c, "there is no query '" + c.callee().name() + "'",
                        hint != null ? hint : "queries: " + String.join(", ", QueryKind.functions()));
            } else {
                error(DiagnosticCode.NOT_A_QUERY, body, "'using' and 'where' follow a query such as quantile(...)");
            }
            return false;
        }
        QueryKind kind = QueryKind.byFunction(call.callee().name()).orElseThrow();
        if (kind.plotOnly() && !plotting) {
            error(DiagnosticCode.NOT_A_QUERY, call, kind.function() + "(...) is a picture; draw it with plot",
                    "e.g. plot " + kind.function() + "(demand, MODEL) where id == \"A-17\" to \"out/chart.png\"");
            return false;
        }
        Map<String, BigDecimal> options = new LinkedHashMap<>();
        boolean ok = namedOptions(kind, call, options);
        if (ok && kind == QueryKind.NEWSVENDOR) {
            ok = CostRatio.check(checker, file, call, options);
        }
        String series = null;
        List<BigDecimal> levels = List.of();
        Expr.BinaryOp comparison = null;
        BigDecimal threshold = null;
        List<Expr.Argument> args = call.positional();
        sum = null;
        switch (kind) {
            case QUANTILE, TRADEOFF, INTERVAL -> {
                if (args.size() != 2) {
                    error(DiagnosticCode.WRONG_ARGUMENTS, call, kind.function() + " takes a series and the level(s)",
                            "e.g. " + kind.function() + "(demand, " + (kind == QueryKind.TRADEOFF
                                    ? "0.90..0.99 step 0.01)" : "0.9)"));
                    return false;
                }
                series = seriesOf(args.get(0).value()).orElse(null);
                levels = levels(args.get(1).value());
                ok &= series != null && !levels.isEmpty();
            }
            case FAN, QUANTILE_FUNCTION -> {
                if (args.isEmpty() || args.size() > 2) {
                    error(DiagnosticCode.WRONG_ARGUMENTS, call, kind.function() + " takes a series and its model",
                            "e.g. " + kind.function() + "(demand, MODEL)");
                    return false;
                }
                series = seriesOf(args.get(0).value()).orElse(null);
                ok &= series != null;
                if (args.size() == 2) {
                    if (using != null || !(args.get(1).value() instanceof Expr.Name m)) {
                        error(DiagnosticCode.WRONG_ARGUMENTS, args.get(1).value(), using != null
                                ? "the model is given twice: as an argument and with using" : "expected the name of a model");
                        return false;
                    }
                    using = new Identifier(m.name(), m.span());
                }
            }
            case CORRELATION, SAMPLE -> {
                int expected = kind == QueryKind.SAMPLE ? 2 : 1;
                if (args.size() != expected) {
                    error(DiagnosticCode.WRONG_ARGUMENTS, call, kind == QueryKind.SAMPLE
                            ? "sample takes a series and the number of paths" : "correlation takes one series",
                            kind == QueryKind.SAMPLE ? "e.g. sample(demand, 100)" : "e.g. correlation(demand)");
                    return false;
                }
                series = seriesOf(args.get(0).value()).orElse(null);
                ok &= series != null;
                if (kind == QueryKind.SAMPLE) {
                    Optional<BigDecimal> n = Constants.number(args.get(1).value(), scope);
                    if (n.isEmpty() || !Constants.isWhole(n.get()) || Constants.saturatedInt(n.get()) < 1
                            || Constants.saturatedInt(n.get()) > 100_000) {
                        error(DiagnosticCode.OPTION_OUT_OF_RANGE, args.get(1).value(),
                                "the number of paths is a whole number from 1 to 100000");
                        ok = false;
                    } else {
                        options.put("paths", n.get());
                    }
                }
            }
            case NEWSVENDOR, SERVICE -> {
                if (args.size() != 1) {
                    error(DiagnosticCode.WRONG_ARGUMENTS, call, kind.function() + " takes one series and named options",
                            kind == QueryKind.SERVICE ? "e.g. service(demand, stock: 120)"
                                    : "e.g. newsvendor(demand, underage: 4, overage: 1)");
                    return false;
                }
                series = seriesOf(args.get(0).value()).orElse(null);
                ok &= series != null;
            }
            default -> {
                if (args.size() != 1 || !(args.get(0).value() instanceof Expr.Binary cmp) || !cmp.op().isComparison()
                        || cmp.op() == Expr.BinaryOp.EQ || cmp.op() == Expr.BinaryOp.NE) {
                    error(DiagnosticCode.WRONG_ARGUMENTS, call, "probability takes a comparison of a series with a number",
                            "e.g. probability(demand <= 120)");
                    return false;
                }
                Expr.Binary b = (Expr.Binary) args.get(0).value();
                Expr seriesSide = b.left();
                Expr numberSide = b.right();
                comparison = b.op();
                if (!(b.left() instanceof Expr.Name || b.left() instanceof Expr.Aggregate)) {
                    seriesSide = b.right();
                    numberSide = b.left();
                    comparison = b.op().mirrored();
                }
                series = seriesOf(seriesSide).orElse(null);
                threshold = Constants.number(numberSide, scope).orElse(null);
                if (threshold == null) {
                    error(DiagnosticCode.WRONG_TYPE, numberSide, "the threshold must be a number known before running");
                } else if (Double.isInfinite(threshold.doubleValue())) {
                    error(DiagnosticCode.OPTION_OUT_OF_RANGE, numberSide, "the threshold " + LevelRule.show(threshold)
                            + " is beyond the range of numbers QFL computes with (about 1.8e308)");
                    threshold = null;
                }
                ok &= series != null && threshold != null;
            }
        }
        Optional<Symbol.ModelSymbol> model = series == null ? Optional.empty() : model(series, using, call);
        // correlation and sample are joint by nature; a total turns quantile, probability and tradeoff joint below
        if (model.isPresent() && !model.get().joint() && !independence && kind.isJoint()) {
            error(DiagnosticCode.JOINT_ON_UNIVARIATE, call, kind.function() + " is a question about how the horizon steps "
                    + "move together, and " + model.get().name() + " is univariate: it learns each step on its own",
                    JOINT_WAYS_OUT);
            ok = false;
        }
        if (independence && sum == null && !kind.isJoint()) {
            error(DiagnosticCode.NOT_A_QUERY, node, "'assuming independence' only applies to joint questions such as "
                    + "quantile(sum(demand over horizon 1..7), 0.95)");
            ok = false;
        }
        int[] steps = {0, 0};
        if (sum != null) {
            if (kind != QueryKind.QUANTILE && kind != QueryKind.PROBABILITY && kind != QueryKind.TRADEOFF) {
                error(DiagnosticCode.WRONG_ARGUMENTS, sum, kind.function() + " of a total over the horizon is not "
                        + "available yet", "ask quantile(sum(...), level), probability(sum(...) <= x) or "
                        + "tradeoff(sum(...), levels)");
                return false;
            }
            kind = switch (kind) {
                case QUANTILE -> QueryKind.SUM_QUANTILE;
                case TRADEOFF -> QueryKind.SUM_TRADEOFF;
                default -> QueryKind.SUM_PROBABILITY;
            };
            Optional<int[]> range = sumSteps(sum);
            ok &= range.isPresent();
            steps = range.orElse(steps);
            if (model.isPresent() && !model.get().joint() && !independence) {
                error(DiagnosticCode.JOINT_ON_UNIVARIATE, sum, sum.function().name() + "(... over horizon ...) is a joint "
                        + "question about several horizon steps at once, and " + model.get().name() + " is univariate: it "
                        + "learns each step on its own, not how the steps move together",
                        JOINT_WAYS_OUT);
                ok = false;
            }
            if (model.isPresent() && model.get().horizon() > 0 && steps[1] > model.get().horizon()) {
                error(DiagnosticCode.HORIZON_BEYOND_MODEL, sum.range(), "horizon " + steps[1] + " is beyond "
                        + model.get().name() + "'s horizon of " + model.get().horizon());
                ok = false;
            }
        }
        int maxHorizon = model.map(Symbol.ModelSymbol::horizon).orElse(0);
        if (condition != null) {
            ConditionChecker conditions = new ConditionChecker(checker, file, scope, kind.columns(
                    SeriesSources.keyColumns(scope, series)));
            boolean wellFormed = conditions.check(condition);
            boolean reachable = !wellFormed || new ConditionReach(checker, file, scope).check(condition, kind,
                    ConditionReach.known(levels, threshold, options, maxHorizon),
                    model.map(Symbol.ModelSymbol::name).orElse("the model"),
                    maxHorizon);
            ok &= wellFormed && reachable;
            // a condition that can select nothing has been explained; its bound would only repeat it
            Optional<HorizonBounds.Bound> bound = reachable ? HorizonBounds.upper(condition, scope) : Optional.empty();
            if (bound.isPresent() && model.isPresent() && maxHorizon > 0 && bound.get().value() > maxHorizon) {
                error(DiagnosticCode.HORIZON_BEYOND_MODEL, bound.get().at(), "horizon " + bound.get().value()
                        + " is beyond " + model.get().name() + "'s horizon of " + maxHorizon,
                        "declare the model with horizon: " + bound.get().value() + " or ask for fewer steps");
                ok = false;
            }
            if (bound.isPresent() && maxHorizon > 0) {
                maxHorizon = Math.min(maxHorizon, bound.get().value());
            }
        }
        if (ok && model.isPresent()) {
            checker.resolved(node, new ResolvedQuery(node, kind, series, model.get().name(), levels, comparison, threshold,
                    condition, maxHorizon, options, steps[0], steps[1], independence));
        }
        return ok && model.isPresent();
    }

    /** The named options each query takes; all are positive numbers, and all are required but the {@link #OPTIONAL}. */
    private static final Map<QueryKind, List<String>> OPTIONS = Map.of(
            QueryKind.NEWSVENDOR, List.of("underage", "overage"),
            QueryKind.SERVICE, List.of("stock"),
            QueryKind.FAN, List.of("history"));
    /** Options that may be left out; every other named option of a query is required. */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of("history");
    /** Most history steps a fan draws: beyond this the forecast is a sliver at the right edge. */
    public static final int MAX_HISTORY = 10_000;

    private boolean namedOptions(QueryKind kind, Expr.Call call, Map<String, BigDecimal> out) {
        List<String> allowed = OPTIONS.getOrDefault(kind, List.of());
        boolean ok = true;
        for (Expr.Argument a : call.named()) {
            String name = a.name().name();
            Expr at = new Expr.Name(name, a.name().span());
            if (!allowed.contains(name)) {
                String hint = Suggestions.didYouMean(name, allowed);
                error(DiagnosticCode.UNKNOWN_OPTION, at, kind.function() + " has no option '" + name + "'",
                        hint != null ? hint : allowed.isEmpty() ? kind.function() + " takes no options"
                                : "its options are: " + String.join(", ", allowed));
                ok = false;
            } else if (out.containsKey(name)) {
                error(DiagnosticCode.DUPLICATE_OPTION, at, "option '" + name + "' is given twice");
                ok = false;
            } else {
                Optional<BigDecimal> v = Constants.number(a.value(), scope);
                boolean positive = kind != QueryKind.SERVICE;
                if (v.isEmpty() || (positive ? v.get().signum() <= 0 : false)) {
                    error(positive ? DiagnosticCode.OPTION_OUT_OF_RANGE : DiagnosticCode.WRONG_TYPE, a.value(),
                            kind.function() + "'s option '" + name + "' must be a " + (positive ? "positive " : "")
                                    + "number known before running");
                    ok = false;
                } else if (Double.isInfinite(v.get().doubleValue())) {
                    error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value(), kind.function() + "'s option '" + name + "' is "
                            + LevelRule.show(v.get()) + ", beyond the range of numbers QFL computes with (about 1.8e308)");
                    ok = false;
                } else if (name.equals("history") && (v.get().stripTrailingZeros().scale() > 0
                        || v.get().compareTo(BigDecimal.valueOf(MAX_HISTORY)) > 0)) {
                    error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value(), "fan's option 'history' is the number of past "
                            + "steps drawn: a whole number from 1 to " + MAX_HISTORY, "e.g. history: 104");
                    ok = false;
                } else {
                    out.put(name, v.get());
                }
            }
        }
        for (String required : allowed) {
            if (!OPTIONAL.contains(required) && call.named().stream().noneMatch(a -> a.name().name().equals(required))) {
                error(DiagnosticCode.MISSING_OPTION, call, kind.function() + " needs the option '" + required + "'",
                        kind == QueryKind.SERVICE ? "e.g. service(demand, stock: 120)"
                                : "e.g. newsvendor(demand, underage: 4, overage: 1)");
                ok = false;
            }
        }
        return ok;
    }

    /** The hint of a joint question asked of a univariate model: the two ways out. */
    private static final String JOINT_WAYS_OUT = "a joint model (mqf2) answers it; with a univariate model add "
            + "'assuming independence' only if the steps are really independent";

    /** The total a query asks about, if its series argument is {@code sum(x over horizon a..b)}. */
    private Expr.Aggregate sum;

    private Optional<String> seriesOf(Expr e) {
        if (e instanceof Expr.Aggregate a) {
            if (!a.function().name().equals("sum") || !a.dimension().name().equals("horizon")) {
                error(DiagnosticCode.UNKNOWN_FUNCTION, a, "totals are written sum(SERIES over horizon A..B)",
                        "e.g. sum(demand over horizon 1..7)");
                return Optional.empty();
            }
            sum = a;
            return checker.seriesReference(a.operand(), scope);
        }
        return checker.seriesReference(e, scope);
    }

    /** The steps a..b of a total: whole numbers with 1 ≤ a ≤ b. */
    private Optional<int[]> sumSteps(Expr.Aggregate a) {
        Optional<BigDecimal> lo = Constants.number(a.range().low(), scope);
        Optional<BigDecimal> hi = Constants.number(a.range().high(), scope);
        if (a.range().step() != null || lo.isEmpty() || hi.isEmpty() || !Constants.isWhole(lo.get())
                || !Constants.isWhole(hi.get()) || Constants.saturatedInt(lo.get()) < 1 || hi.get().compareTo(lo.get()) < 0) {
            error(DiagnosticCode.BAD_RANGE, a.range(), "a total runs over whole horizon steps a..b with 1 <= a <= b",
                    "e.g. horizon 1..7");
            return Optional.empty();
        }
        if (hi.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            error(DiagnosticCode.BAD_RANGE, a.range().high(), "the horizon step " + LevelRule.show(hi.get())
                    + " is beyond any horizon QFL forecasts", "e.g. horizon 1..7");
            return Optional.empty();
        }
        return Optional.of(new int[] {Constants.saturatedInt(lo.get()), Constants.saturatedInt(hi.get())});
    }

    private List<BigDecimal> levels(Expr e) {
        Object v = Constants.fold(e, scope).orElse(null);
        List<BigDecimal> out = new ArrayList<>();
        if (v instanceof BigDecimal d) {
            out.add(d);
        } else if (v instanceof RangeValue r) {
            long n = r.count();
            if (n <= 0) {
                error(DiagnosticCode.BAD_RANGE, e, n == 0 ? "this range is empty" : "this range has more than "
                        + RangeValue.MAX_VALUES + " values", "e.g. 0.90..0.99 step 0.01");
                return List.of();
            }
            out.addAll(r.values());
        } else if (v instanceof List<?> l && l.isEmpty()) {
            error(DiagnosticCode.WRONG_ARGUMENTS, e, "the list of levels is empty, so there is nothing to answer",
                    "give at least one level, e.g. [0.5, 0.9]");
            return List.of();
        } else if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof BigDecimal)) {
            l.forEach(x -> out.add((BigDecimal) x));
        } else {
            String hint = e instanceof Expr.Range r && r.step() == null
                    ? "a range of levels needs a step, e.g. 0.90..0.99 step 0.01" : "e.g. 0.95, [0.5, 0.9] or 0.90..0.99 step 0.01";
            error(DiagnosticCode.WRONG_TYPE, e, "the level must be a number, a list of numbers or a range", hint);
            return List.of();
        }
        for (int i = 0; i < out.size(); i++) {
            BigDecimal d = out.get(i);
            if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) >= 0) {
                Expr at = e instanceof Expr.ListLit l ? l.elements().get(i) : e;
                // 95 was probably meant as a percentage; 1.5 could be anything, so it gets no guess
                String hint = d.compareTo(BigDecimal.TEN) >= 0 && d.compareTo(BigDecimal.valueOf(100)) < 0
                        ? "levels are probabilities: did you mean " + d.movePointLeft(2).stripTrailingZeros().toPlainString() + "?"
                        : "a level is a probability strictly between 0 and 1";
                error(DiagnosticCode.LEVEL_OUT_OF_RANGE, at, "level " + LevelRule.show(d) + " is outside (0, 1)", hint);
                return List.of();
            }
            if (LevelRule.rounding(d) != null) {
                Expr at = e instanceof Expr.ListLit l ? l.elements().get(i) : e;
                error(DiagnosticCode.LEVEL_OUT_OF_RANGE, at, "level " + LevelRule.show(d) + " " + LevelRule.rounding(d),
                        LevelRule.roundingHint(d));
                return List.of();
            }
        }
        return out;
    }

    private Optional<Symbol.ModelSymbol> model(String series, Identifier using, Expr.Call call) {
        if (using != null) {
            Optional<Symbol> s = scope.lookup(using.name());
            if (s.isEmpty()) {
                checker.undefinedModel(using, scope, series);
                return Optional.empty();
            }
            if (!(s.get() instanceof Symbol.ModelSymbol m)) {
                error(DiagnosticCode.WRONG_TYPE, new Expr.Name(using.name(), using.span()),
                        "'" + using.name() + "' is " + s.get().kind().description() + ", not a model");
                return Optional.empty();
            }
            if (m.series() != null && !m.series().equals(series)) {
                error(DiagnosticCode.MODEL_SERIES_MISMATCH, new Expr.Name(using.name(), using.span()),
                        "model " + m.name() + " was declared on " + m.series() + ", not on " + series,
                        "declare a model on " + series + ", e.g. model m2 = " + (m.modelKind() == null ? "seasonal_naive"
                                : m.modelKind()) + "(" + series + ", horizon: " + Math.max(1, m.horizon()) + ")");
                return Optional.empty();
            }
            return m.modelKind() == null && m.loadPath() == null ? Optional.empty() : Optional.of(m);
        }
        List<Symbol.ModelSymbol> candidates = scope.modelsOn(series);
        if (candidates.size() == 1) {
            Symbol.ModelSymbol m = candidates.get(0);
            return m.modelKind() == null && m.loadPath() == null ? Optional.empty() : Optional.of(m);
        }
        if (candidates.isEmpty()) {
            error(DiagnosticCode.NO_MODEL, call, "no model is declared on " + series + " to answer this",
                    "declare one, e.g. model naive = seasonal_naive(" + series + ", horizon: 14)");
        } else {
            error(DiagnosticCode.AMBIGUOUS_MODEL, call, "several models are declared on " + series + " ("
                    + String.join(", ", candidates.stream().map(Symbol.ModelSymbol::name).toList()) + ")",
                    "say which with 'using " + candidates.get(0).name() + "'");
        }
        return Optional.empty();
    }
}
