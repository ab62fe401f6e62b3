package dev.qfl.eval;

import dev.qfl.ast.Statement;
import dev.qfl.check.CheckResult;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a fan or quantile-function plot's {@code where} selects is known as soon as its series is
 * read: the ids, the forecast grid (each series' last observation plus 1..H steps) and so the
 * dates and steps. Checking it then, before any model is trained and before any later statement
 * exports a file, turns "fails after training, half-way through the script" into an error before
 * anything costly runs.
 */
final class PlotPreflight {
    private PlotPreflight() {
    }

    /**
     * The problem with a plot statement's selection, or empty when it is drawable or cannot be known
     * yet (its series not read, or its model not declared where the plot stands).
     *
     * @param panels the read series by name, null for those not (yet) read
     * @param scope  the names visible at the plot statement
     */
    static Optional<QflException> check(CheckResult checked, Statement.Plot plot, Function<String, Panel> panels,
                                        Scope scope, ModelRegistry models) {
        ResolvedQuery q = checked.query(plot.value()).orElse(null);
        Panel panel = q == null ? null : panels.apply(q.series());
        if (panel == null || !(scope.lookup(q.model()).orElse(null) instanceof Symbol.ModelSymbol model)) {
            return Optional.empty();
        }
        return check(q, panel, model, models, scope);
    }

    /**
     * The problem with a plot's selection, or empty when it is drawable (or cannot be known yet).
     *
     * @param q      the plot's resolved query (fan or quantile_function)
     * @param panel  its series, read
     * @param model  the model that will answer it
     * @param models the kinds, for the minimum length a series needs to be forecast at all
     * @param scope  the names visible at the plot statement
     */
    static Optional<QflException> check(ResolvedQuery q, Panel panel, Symbol.ModelSymbol model, ModelRegistry models,
                                        Scope scope) {
        if (!q.kind().plotOnly() || model.horizon() <= 0) {
            return Optional.empty(); // a loaded model's horizon is only known once its file is read
        }
        int steps = q.maxHorizon() > 0 ? Math.min(q.maxHorizon(), model.horizon()) : model.horizon();
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        int need = minimumLength(model, panel, models);
        Map<String, List<Integer>> selected = new LinkedHashMap<>();
        for (TimeSeries ts : panel.series()) {
            if (ts.length() < need) {
                continue; // left out of the model's answers, so never drawn
            }
            for (int h = 1; h <= steps; h++) {
                Object[] row = {ts.id(), QueryRunner.dateCell(ts.frequency(), ts.frequency().advance(ts.end(), h)), h};
                if (keep.test(row)) {
                    selected.computeIfAbsent(ts.id(), k -> new ArrayList<>()).add(h);
                }
            }
        }
        if (q.kind() == QueryKind.FAN) {
            return PlotRunner.fanProblem(selected.keySet());
        }
        Set<String> curves = new LinkedHashSet<>();
        selected.forEach((id, hs) -> hs.forEach(h -> curves.add(id + " h" + h)));
        return !curves.isEmpty() && curves.size() <= PlotRunner.MAX_CURVES ? Optional.empty()
                : Optional.of(PlotRunner.selection("quantile_function draws 1 to " + PlotRunner.MAX_CURVES + " curves",
                curves));
    }

    /** The length below which the model leaves a series out; 0 (keep all) when that depends on more than options. */
    private static int minimumLength(Symbol.ModelSymbol model, Panel panel, ModelRegistry models) {
        if (model.modelKind() == null || !model.members().isEmpty()) {
            return 0;
        }
        Optional<ModelKind> kind = models.find(model.modelKind());
        try {
            return kind.map(k -> k.minimumLength(k.resolve(model.options(), panel.frequency()))).orElse(0);
        } catch (IllegalArgumentException e) {
            return 0; // options the kind rejects are reported when the model is declared
        }
    }
}
