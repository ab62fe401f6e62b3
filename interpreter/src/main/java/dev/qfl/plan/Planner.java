package dev.qfl.plan;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import dev.qfl.check.CheckResult;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.QuerySource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles a checked script into its plan: each model is fitted (or loaded) once, at its first
 * use, and forecast once in one batch that serves all of its queries. The evaluator follows the
 * same rules lazily, so the plan is what actually happens.
 */
public final class Planner {
    private Planner() {
    }

    public static Plan plan(CheckResult checked, String scriptName, ModelRegistry models, Path baseDirectory,
                            Path cacheDirectory) {
        List<Plan.Step> steps = new ArrayList<>();
        Map<String, Symbol.ModelSymbol> declared = new HashMap<>();
        Map<String, Integer> inferIndex = new LinkedHashMap<>();
        Map<String, List<Integer>> served = new HashMap<>();
        String cache = Diagnostics.display(cacheDirectory, baseDirectory);
        List<Statement> statements = checked.script().statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            int line = s.span().line();
            Symbol defined = checked.definedBy(i).orElse(null);
            if (defined instanceof Symbol.SeriesSymbol series) {
                steps.add(new Plan.Load(series.name(), source(series), series.options().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))));
            } else if (defined instanceof Symbol.ModelSymbol model) {
                declared.put(model.name(), model);
            }
            if (s instanceof Statement.Fit fit) {
                for (Identifier m : fit.models()) {
                    train(steps, declared.get(m.name()), inferIndex, cache, models, declared);
                }
            }
            Expr expr = queryExpression(s);
            if (expr != null && checked.evaluation(expr).isPresent()) {
                var ev = checked.evaluation(expr).get();
                steps.add(new Plan.Action(line, "backtest " + String.join(", ", ev.models()) + " on " + ev.series() + ": "
                        + ev.windows() + " window(s), " + (ev.refit() ? "one fit per window and model" : "one fit per model")
                        + ", then one batched forecast per window"));
            }
            ResolvedQuery q = expr == null ? null : checked.query(expr).orElse(null);
            if (q != null) {
                Symbol.ModelSymbol model = declared.get(q.model());
                train(steps, model, inferIndex, cache, models, declared);
                served.computeIfAbsent(q.model(), k -> new ArrayList<>()).add(line);
                steps.add(new Plan.Query(line, Formatter.expr(expr), q.model()));
            }
            if (s instanceof Statement.Export || s instanceof Statement.Save || s instanceof Statement.Plot) {
                steps.add(new Plan.Action(line, Formatter.statement(s)));
            }
        }
        for (Map.Entry<String, Integer> e : inferIndex.entrySet()) {
            Symbol.ModelSymbol model = declared.get(e.getKey());
            steps.set(e.getValue(), new Plan.Infer(e.getKey(), model == null ? 0 : model.horizon(),
                    served.getOrDefault(e.getKey(), List.of())));
        }
        steps.removeIf(step -> step instanceof Plan.Infer inf && inf.servesLines().isEmpty());
        return new Plan(scriptName, steps);
    }

    /** Adds the fit step (and a placeholder for the inference step) the first time a model is needed. */
    private static void train(List<Plan.Step> steps, Symbol.ModelSymbol model, Map<String, Integer> inferIndex,
                              String cache, ModelRegistry models, Map<String, Symbol.ModelSymbol> declared) {
        if (model == null || inferIndex.containsKey(model.name())) {
            return;
        }
        if (!model.members().isEmpty()) {
            for (String member : model.members()) {
                train(steps, declared.get(member), inferIndex, cache, models, declared);
            }
            steps.add(new Plan.Train(model.name(), "ensemble(" + String.join(", ", model.members())
                    + (model.options().containsKey("weights") ? ", weights: " + model.options().get("weights") : "") + ")",
                    model.series(), "average the members' quantile functions level by level (nothing more to fit)"));
            inferIndex.put(model.name(), steps.size());
            steps.add(new Plan.Infer(model.name(), model.horizon(), List.of()));
            return;
        }
        String spec = model.modelKind() + "(" + model.options().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + ")";
        boolean neural = model.modelKind() != null && models.find(model.modelKind()).map(ModelKind::neural).orElse(false);
        ModelKind kind = model.modelKind() == null ? null : models.find(model.modelKind()).orElse(null);
        String how = neural
                ? "train, or load from " + cache + " when spec and data are unchanged"
                : kind instanceof AutoKind ? "backtest the candidates on each series' own history, then fit each on the "
                        + "series that chose it; the choice is loaded from " + cache + " when spec and data are unchanged"
                : kind instanceof LocalKind ? "fit every series on its own, on all cores (never cached)"
                : "fit in milliseconds (never cached)";
        steps.add(new Plan.Train(model.name(), spec, model.series(), how));
        inferIndex.put(model.name(), steps.size());
        steps.add(new Plan.Infer(model.name(), model.horizon(), List.of()));
    }

    private static Expr queryExpression(Statement s) {
        if (s instanceof Statement.ExpressionStatement x) {
            return x.expr();
        } else if (s instanceof Statement.LetDecl d) {
            return d.value();
        } else if (s instanceof Statement.Export e) {
            return e.value();
        } else if (s instanceof Statement.Plot p) {
            return p.value();
        }
        return null;
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
