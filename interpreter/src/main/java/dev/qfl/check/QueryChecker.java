package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.query.QueryContext;
import dev.qfl.check.query.QueryForm;
import dev.qfl.check.query.QueryOption;
import dev.qfl.check.query.Reading;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
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
 * values, and no horizon beyond what the model forecasts), and a {@code with} clause ({@link WhatIfCheck}).
 * What differs between kinds (arguments, options, the resolved record) is the kind's
 * {@link QueryForm}; this class holds what they share.
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

    /**
     * Checks one question and, when it holds, records its resolved form against {@code node}.
     * The whole {@link Expr.Query} comes in, so its clauses (model, independence, condition, with)
     * are read from one place rather than passed piecemeal.
     */
    boolean query(Expr.Query node) {
        Expr body = node.body();
        Identifier using = node.model();
        boolean independence = node.assumingIndependence();
        Expr condition = node.condition();
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
        Arguments arguments = new Arguments();
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        boolean ok = namedOptions(kind.form(), call, named, arguments);
        if (ok) {
            ok = kind.form().checkOptions(call, named, arguments);
        }
        Optional<Reading> read = kind.form().read(call, named, using, arguments);
        if (read.isEmpty()) {
            return false;
        }
        Reading reading = read.get();
        String series = reading.series();
        ok &= reading.complete();
        Expr.Aggregate sum = arguments.total;
        Optional<Symbol.ModelSymbol> model = series == null ? Optional.empty() : model(series, reading.model(), call);
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
            Optional<QueryKind> total = kind.form().totalKind();
            if (total.isEmpty()) {
                error(DiagnosticCode.WRONG_ARGUMENTS, sum, kind.function() + " of a total over the horizon is not "
                        + "available yet", "ask quantile(sum(...), level), probability(sum(...) <= x) or "
                        + "tradeoff(sum(...), levels)");
                return false;
            }
            kind = total.get();
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
                    ConditionReach.known(reading.levels(), reading.threshold(), reading.options(), maxHorizon),
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
        // `with promo = 1`: any question of a model that reads future covariates may ask it
        List<Expr.WhatIf> clauses = node.whatIfs();
        List<ResolvedQuery.WhatIf> whatIfs = List.of();
        if (!clauses.isEmpty() && model.isPresent()) {
            Optional<List<ResolvedQuery.WhatIf>> checked = new WhatIfCheck(checker, file, scope)
                    .check(clauses, model.get(), series);
            ok &= checked.isPresent();
            whatIfs = checked.orElse(List.of());
        }
        if (ok && model.isPresent()) {
            ResolvedQuery.Common common = new ResolvedQuery.Common(node, series, model.get().name(), condition, maxHorizon,
                    independence, whatIfs);
            checker.resolved(node, kind.form().resolve(common, reading.over(steps[0], steps[1])));
        }
        return ok && model.isPresent();
    }

    /**
     * The named options of a query: each known to its kind, given once, a finite number (positive
     * where the kind says so) passing the kind's own rule; the required ones present.
     */
    private boolean namedOptions(QueryForm form, Expr.Call call, Map<String, BigDecimal> out, QueryContext context) {
        List<String> allowed = form.options().stream().map(QueryOption::name).toList();
        boolean ok = true;
        for (Expr.Argument a : call.named()) {
            String name = a.name().name();
            Expr at = new Expr.Name(name, a.name().span());
            Optional<QueryOption> option = form.options().stream().filter(o -> o.name().equals(name)).findFirst();
            if (option.isEmpty()) {
                String hint = Suggestions.didYouMean(name, allowed);
                error(DiagnosticCode.UNKNOWN_OPTION, at, form.function() + " has no option '" + name + "'",
                        hint != null ? hint : allowed.isEmpty() ? form.function() + " takes no options"
                                : "its options are: " + String.join(", ", allowed));
                ok = false;
            } else if (out.containsKey(name)) {
                error(DiagnosticCode.DUPLICATE_OPTION, at, "option '" + name + "' is given twice");
                ok = false;
            } else {
                Optional<BigDecimal> v = Constants.number(a.value(), scope);
                boolean positive = option.get().positive();
                if (v.isEmpty() || (positive && v.get().signum() <= 0)) {
                    error(positive ? DiagnosticCode.OPTION_OUT_OF_RANGE : DiagnosticCode.WRONG_TYPE, a.value(),
                            form.function() + "'s option '" + name + "' must be a " + (positive ? "positive " : "")
                                    + "number known before running");
                    ok = false;
                } else if (Double.isInfinite(v.get().doubleValue())) {
                    error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value(), form.function() + "'s option '" + name + "' is "
                            + LevelRule.show(v.get()) + ", beyond the range of numbers QFL computes with (about 1.8e308)");
                    ok = false;
                } else if (!form.checkOption(option.get(), v.get(), a.value(), context)) {
                    ok = false;
                } else {
                    out.put(name, v.get());
                }
            }
        }
        for (QueryOption required : form.options()) {
            if (required.required() && call.named().stream().noneMatch(a -> a.name().name().equals(required.name()))) {
                // the option's meaning says what number to give, the example how to write it
                error(DiagnosticCode.MISSING_OPTION, call, form.function() + " needs the option '" + required.name() + "'",
                        "'" + required.name() + "' is " + required.meaning(), "e.g. " + form.example());
                ok = false;
            }
        }
        return ok;
    }

    /** The hint of a joint question asked of a univariate model: the two ways out. */
    private static final String JOINT_WAYS_OUT = "a joint model (mqf2) answers it; with a univariate model add "
            + "'assuming independence' only if the steps are really independent";

    /**
     * What the kinds read a call's arguments through, for one query: it remembers the total the
     * series argument asks about ({@code sum(x over horizon a..b)}), if any.
     */
    private final class Arguments implements QueryContext {
        private Expr.Aggregate total;

        @Override
        public void error(DiagnosticCode code, Expr at, String message, String... hints) {
            QueryChecker.this.error(code, at, message, hints);
        }

        @Override
        public Optional<String> series(Expr e) {
            if (e instanceof Expr.Aggregate a) {
                if (!a.function().name().equals("sum") || !a.dimension().name().equals("horizon")) {
                    error(DiagnosticCode.UNKNOWN_FUNCTION, a, "totals are written sum(SERIES over horizon A..B)",
                            "e.g. sum(demand over horizon 1..7)");
                    return Optional.empty();
                }
                total = a;
                return checker.seriesReference(a.operand(), scope);
            }
            return checker.seriesReference(e, scope);
        }

        @Override
        public List<BigDecimal> levels(Expr e) {
            return QueryChecker.this.levels(e);
        }

        @Override
        public Optional<BigDecimal> number(Expr e) {
            return Constants.number(e, scope);
        }

        @Override
        public Optional<Integer> wholeNumber(Expr e, int low, int high) {
            return Constants.number(e, scope).filter(Constants::isWhole).map(Constants::saturatedInt)
                    .filter(n -> n >= low && n <= high);
        }
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
