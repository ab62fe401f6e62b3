package dev.qfl.plan;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import dev.qfl.check.CheckResult;
import dev.qfl.check.QuerySource;
import dev.qfl.check.ResolvedEvaluate;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Diagnostics;
import dev.qfl.format.Formatter;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.models.combine.AutoKind;
import dev.qfl.stdlib.models.local.LocalKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles a checked script into its plan, the one policy of what runs when: a model is fitted
 * (or read, or taken from the cache) once, at its first use (a query, a plot, a {@code save} or a
 * {@code fit}); a model nothing uses is never fitted; each model is forecast once per series panel,
 * just before the first query that reads the forecast, and that forecast serves all of them.
 * Backtests fit their own copies per window, so a model used only by {@code evaluate} has no fit
 * step. The executor runs these steps and nothing else.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * What earlier inputs of the same session (the REPL, an embedding host) already did, so that a
     * plan neither repeats it nor misses a model declared before this input.
     */
    public interface Earlier {
        /** Nothing: a fresh session, as {@code qfl explain} and {@code qfl run} start. */
        Earlier NOTHING = new Earlier() {
            @Override
            public Optional<Symbol.ModelSymbol> model(String name) {
                return Optional.empty();
            }

            @Override
            public boolean fitted(String model) {
                return false;
            }

            @Override
            public boolean forecast(String model, String series) {
                return false;
            }
        };

        /** A model declared by an earlier input. */
        Optional<Symbol.ModelSymbol> model(String name);

        /** Whether an earlier input fitted (or read) the model. */
        boolean fitted(String model);

        /** Whether an earlier input forecast the series panel with the model. */
        boolean forecast(String model, String series);
    }

    /** The plan of a script run in a fresh session. */
    public static Plan plan(CheckResult checked, String scriptName, ModelRegistry models, Path baseDirectory,
                            Path cacheDirectory) {
        return plan(checked, scriptName, models, baseDirectory, cacheDirectory, Earlier.NOTHING);
    }

    /** The plan of an input run in a session in which {@code earlier} inputs already ran. */
    public static Plan plan(CheckResult checked, String scriptName, ModelRegistry models, Path baseDirectory,
                            Path cacheDirectory, Earlier earlier) {
        Building b = new Building(models, Diagnostics.display(cacheDirectory, baseDirectory), earlier);
        List<Statement> statements = checked.script().statements();
        for (int i = 0; i < statements.size(); i++) {
            b.statement(i, statements.get(i), checked);
        }
        return new Plan(scriptName, b.finish());
    }

    /** The plan under construction; one per call, never shared. */
    private static final class Building {
        private final ModelRegistry models;
        private final String cache;
        private final Earlier earlier;
        private final List<Plan.Step> steps = new ArrayList<>();
        private final Map<String, Symbol.ModelSymbol> declared = new HashMap<>();
        private final Set<String> fitted = new HashSet<>();
        /** Where each (model, series) inference sits in {@code steps}; its served lines are known at the end. */
        private final Map<Panel, Integer> inferAt = new LinkedHashMap<>();
        private final Map<Panel, List<Integer>> served = new HashMap<>();

        private record Panel(String model, String series) {
        }

        Building(ModelRegistry models, String cache, Earlier earlier) {
            this.models = models;
            this.cache = cache;
            this.earlier = earlier;
        }

        void statement(int i, Statement s, CheckResult checked) {
            s.accept(new StepsOf(i, s.span().line(), checked));
        }

        /** The steps of one statement, by its kind (a new kind of statement must say what it runs). */
        private final class StepsOf implements Statement.Visitor<Void> {
            private final int at;
            private final int line;
            private final CheckResult checked;

            StepsOf(int at, int line, CheckResult checked) {
                this.at = at;
                this.line = line;
                this.checked = checked;
            }

            @Override
            public Void visitSeriesDecl(Statement.SeriesDecl s) {
                if (checked.definedBy(at).orElse(null) instanceof Symbol.SeriesSymbol series) {
                    steps.add(new Plan.Load(at, series.name(), source(series), series.options().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))));
                }
                return null;
            }

            @Override
            public Void visitModelDecl(Statement.ModelDecl s) {
                if (checked.definedBy(at).orElse(null) instanceof Symbol.ModelSymbol model) {
                    declared.put(model.name(), model);
                    if (model.loadPath() != null) {
                        steps.add(new Plan.LoadModel(at, model.name(), model.loadPath()));
                        fitted.add(model.name());
                    }
                }
                return null;
            }

            @Override
            public Void visitLetDecl(Statement.LetDecl s) {
                value(s.value());
                return null;
            }

            @Override
            public Void visitFit(Statement.Fit s) {
                for (Identifier m : s.models()) {
                    fit(at, m.name());
                }
                return null;
            }

            @Override
            public Void visitExport(Statement.Export s) {
                value(s.value());
                steps.add(new Plan.Action(at, line, Formatter.statement(s)));
                return null;
            }

            @Override
            public Void visitSave(Statement.Save s) {
                fit(at, s.model().name());
                steps.add(new Plan.Action(at, line, Formatter.statement(s)));
                return null;
            }

            @Override
            public Void visitPlot(Statement.Plot s) {
                value(s.value());
                steps.add(new Plan.Action(at, line, Formatter.statement(s)));
                return null;
            }

            @Override
            public Void visitExpressionStatement(Statement.ExpressionStatement s) {
                value(s.expr());
                return null;
            }

            /** A backtest, or a query with the fit and forecast it needs; nothing for names and constants. */
            private void value(Expr expr) {
                Optional<ResolvedEvaluate> evaluation = checked.evaluation(expr);
                if (evaluation.isPresent()) {
                    ResolvedEvaluate ev = evaluation.get();
                    steps.add(new Plan.Action(at, line, "backtest " + String.join(", ", ev.models()) + " on "
                            + ev.series() + ": " + ev.windows() + " window(s), " + (ev.refit()
                            ? "one fit per window and model" : "one fit per model") + ", then one batched forecast per window"));
                }
                ResolvedQuery q = checked.query(expr).orElse(null);
                if (q != null) {
                    fit(at, q.model());
                    infer(at, q.model(), q.series(), line);
                    if (!q.whatIfs().isEmpty()) {
                        steps.add(new Plan.WhatIf(at, q.model(), q.series(), q.whatIfs()));
                    }
                    steps.add(new Plan.Query(at, line, Formatter.expr(expr), q.model()));
                }
            }
        }

        private Symbol.ModelSymbol model(String name) {
            Symbol.ModelSymbol here = declared.get(name);
            return here != null ? here : earlier.model(name).orElse(null);
        }

        /** Adds the fit step the first time a model is needed (an ensemble's members first). */
        private void fit(int at, String name) {
            Symbol.ModelSymbol model = model(name);
            if (model == null || fitted.contains(name) || earlier.fitted(name)) {
                return;
            }
            fitted.add(name);
            if (!model.members().isEmpty()) {
                for (String member : model.members()) {
                    fit(at, member);
                }
                steps.add(new Plan.Train(at, model.name(), "ensemble(" + String.join(", ", model.members())
                        + (model.options().containsKey("weights") ? ", weights: " + model.options().get("weights") : "")
                        + ")", model.series(), "average the members' quantile functions level by level (nothing more to fit)"));
                return;
            }
            String spec = model.modelKind() + "(" + model.options().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + ")";
            ModelKind kind = model.modelKind() == null ? null : models.find(model.modelKind()).orElse(null);
            String how = kind != null && kind.neural()
                    ? "train, or load from " + cache + " when spec and data are unchanged"
                    : kind instanceof AutoKind ? "backtest the candidates on each series' own history, then fit each on the "
                            + "series that chose it; the choice is loaded from " + cache + " when spec and data are unchanged"
                    : kind instanceof LocalKind ? "fit every series on its own, on all cores (never cached)"
                    : "fit in milliseconds (never cached)";
            steps.add(new Plan.Train(at, model.name(), spec, model.series(), how));
        }

        /** Adds the inference step before the first query reading a model's forecast of a panel. */
        private void infer(int at, String model, String series, int line) {
            Panel key = new Panel(model, series);
            if (!inferAt.containsKey(key)) {
                if (earlier.forecast(model, series)) {
                    return;
                }
                Symbol.ModelSymbol declaredModel = model(model);
                inferAt.put(key, steps.size());
                steps.add(new Plan.Infer(at, model, series, declaredModel == null ? 0 : declaredModel.horizon(), List.of()));
            }
            served.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }

        List<Plan.Step> finish() {
            for (Map.Entry<Panel, Integer> e : inferAt.entrySet()) {
                Plan.Infer placeholder = (Plan.Infer) steps.get(e.getValue());
                steps.set(e.getValue(), new Plan.Infer(placeholder.statement(), placeholder.model(), placeholder.series(),
                        placeholder.steps(), served.get(e.getKey())));
            }
            return steps;
        }
    }

    /** Where a series is read from, as explain says it: a file, a Parquet path, or a query and its database. */
    static String source(Symbol.SeriesSymbol series) {
        QuerySource q = series.query();
        if (q == null) {
            return series.path();
        }
        if (q.isParquet()) {
            return "Parquet " + q.query();
        }
        String query = q.query().strip().replaceAll("\\s+", " ");
        return (q.url() == null ? "the embedded DuckDB" : q.url()) + ": " + (query.length() > 80 ? query.substring(0, 77) + "..." : query);
    }
}
