package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.PartialExprVisitor;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.evaluation.Metric;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks {@code evaluate MODELS on SERIES backtest OPTIONS}. */
final class EvaluateChecker {
    /** Metric names in the order their columns appear. */
    static final List<String> METRICS = List.of("wql", "crps", "coverage", "mase", "msis", "crossing", "energy",
            "crps_lead");
    private static final List<String> OPTIONS = List.of("windows", "step", "refit", "metrics", "by");

    private final Checker checker;
    private final SourceFile file;
    private final Scope scope;

    EvaluateChecker(Checker checker, SourceFile file, Scope scope) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
    }

    private void error(DiagnosticCode code, dev.qfl.diag.Span at, String message, String... hints) {
        checker.add(Diagnostic.error(code, file, at, message, hints));
    }

    boolean check(Expr.Evaluate e) {
        Optional<String> series = checker.seriesReference(new Expr.Name(e.series().name(), e.series().span()), scope);
        boolean ok = series.isPresent();
        List<String> models = new ArrayList<>();
        java.util.Set<String> repeated = new java.util.HashSet<>();
        for (Identifier id : e.models()) {
            Optional<Symbol> s = scope.lookup(id.name());
            if (models.contains(id.name())) {
                // each listed model is backtested on every window: a repeat only multiplies the cost
                if (repeated.add(id.name())) {
                    error(DiagnosticCode.WRONG_ARGUMENTS, id.span(), "model " + id.name() + " is listed twice",
                            "list each model once");
                }
                ok = false;
            } else if (s.isEmpty()) {
                checker.undefinedModel(id, scope, series.orElse(null));
                ok = false;
            } else if (!(s.get() instanceof Symbol.ModelSymbol m)) {
                error(DiagnosticCode.WRONG_TYPE, id.span(), "'" + id.name() + "' is " + s.get().kind().description()
                        + ", not a model");
                ok = false;
            } else if (series.isPresent() && m.series() != null && !m.series().equals(series.get())) {
                error(DiagnosticCode.MODEL_SERIES_MISMATCH, id.span(), "model " + m.name() + " was declared on "
                        + m.series() + ", not on " + series.get());
                ok = false;
            } else if (m.loadPath() != null) {
                error(DiagnosticCode.WRONG_ARGUMENTS, id.span(), "a loaded model cannot be backtested: backtests "
                        + "retrain at every origin", "declare the model with its kind and options instead");
                ok = false;
            } else {
                ok &= m.modelKind() != null;
                models.add(id.name());
            }
        }
        Map<String, Expr.Argument> given = new LinkedHashMap<>();
        for (Expr.Argument o : e.options()) {
            String name = o.name().name();
            if (!OPTIONS.contains(name)) {
                String hint = Suggestions.didYouMean(name, OPTIONS);
                error(DiagnosticCode.UNKNOWN_OPTION, o.name().span(), "evaluate has no option '" + name + "'",
                        hint != null ? hint : "its options are: " + String.join(", ", OPTIONS));
                ok = false;
            } else if (given.put(name, o) != null) {
                error(DiagnosticCode.DUPLICATE_OPTION, o.name().span(), "option '" + name + "' is given twice");
                ok = false;
            }
        }
        int windows = wholeNumber(given.get("windows"), 3, 1, 100);
        int step = wholeNumber(given.get("step"), 0, 1, 100_000);
        Boolean refit = flag(given.get("refit"));
        List<Metric> metrics = metrics(given.get("metrics"));
        String by = by(given.get("by"));
        ok &= windows > 0 && step >= 0 && refit != null && metrics != null && !"".equals(by);
        if (ok) {
            checker.resolvedEvaluate(e, new ResolvedEvaluate(e, models, series.get(), windows, step, refit, metrics, by));
        }
        return ok;
    }

    private int wholeNumber(Expr.Argument a, int dflt, int min, int max) {
        if (a == null) {
            return dflt;
        }
        Optional<BigDecimal> v = Constants.number(a.value(), scope);
        if (v.isEmpty() || !Constants.isWhole(v.get()) || Constants.saturatedInt(v.get()) < min
                || Constants.saturatedInt(v.get()) > max) {
            error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value().span(), "evaluate's option '" + a.name().name()
                    + "' must be a whole number from " + min + " to " + max);
            return -1;
        }
        return v.get().intValue();
    }

    private Boolean flag(Expr.Argument a) {
        if (a == null) {
            return Boolean.TRUE;
        }
        Optional<Object> v = Constants.fold(a.value(), scope);
        if (v.isPresent() && v.get() instanceof Boolean b) {
            return b;
        }
        error(DiagnosticCode.WRONG_TYPE, a.value().span(), "refit is true or false");
        return null;
    }

    private String by(Expr.Argument a) {
        if (a == null) {
            return null;
        }
        if (a.value() instanceof Expr.Name n && (n.name().equals("id") || n.name().equals("window"))) {
            return n.name();
        }
        error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value().span(), "evaluate can group by id or by window",
                "e.g. by: id");
        return "";
    }

    /**
     * The metric list, de-duplicated and in canonical column order. By default every per-step metric;
     * the path metrics (energy, crps_lead) sample whole paths and are asked for by name.
     */
    private List<Metric> metrics(Expr.Argument a) {
        if (a == null) {
            return List.of(new Metric.Wql(), new Metric.Crps(), new Metric.Coverage(0.8), new Metric.Mase(),
                    new Metric.Msis(), new Metric.Crossing());
        }
        List<Expr> items = a.value() instanceof Expr.ListLit l ? l.elements() : List.of(a.value());
        if (items.isEmpty()) {
            error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value().span(), "evaluate's metrics list is empty, so there is "
                    + "nothing to score", "e.g. metrics: [wql, crps, coverage(0.8)], or leave the option out for the "
                    + "default metrics");
            return null;
        }
        List<Metric> out = new ArrayList<>();
        boolean ok = true;
        for (Expr item : items) {
            Metric m = metric(item);
            if (m == null) {
                ok = false;
            } else if (!out.contains(m)) {
                out.add(m);
            }
        }
        if (!ok || out.isEmpty()) {
            return null;
        }
        out.sort(Comparator.comparingInt(m -> METRICS.indexOf(m.column().startsWith("coverage") ? "coverage" : m.column())));
        return out;
    }

    /** One metric: a name such as {@code wql}, or {@code coverage(p)}, the one metric with an argument. */
    private Metric metric(Expr item) {
        return item.accept(new PartialExprVisitor<Metric>() {
            @Override
            public Metric visitName(Expr.Name n) {
                if (!known(n.name(), n)) {
                    return null;
                }
                if (n.name().equals("coverage")) {
                    return coverage(n, Optional.empty());
                }
                return perName(n.name());
            }

            @Override
            public Metric visitCall(Expr.Call c) {
                String name = c.callee().name();
                if (!known(name, c)) {
                    return null;
                }
                if (name.equals("coverage")) {
                    return coverage(c, c.arguments().size() == 1 ? Optional.of(c.arguments().get(0).value())
                            : Optional.empty());
                }
                error(DiagnosticCode.WRONG_ARGUMENTS, c.span(), name + " takes no arguments", "write " + name);
                return null;
            }

            @Override
            protected Metric otherwise(Expr e) {
                unknownMetric(null, e);
                return null;
            }
        });
    }

    private boolean known(String name, Expr item) {
        if (METRICS.contains(name)) {
            return true;
        }
        unknownMetric(name, item);
        return false;
    }

    private void unknownMetric(String name, Expr item) {
        String hint = name == null ? null : Suggestions.didYouMean(name, METRICS);
        error(DiagnosticCode.UNKNOWN_FUNCTION, item.span(), "unknown metric" + (name == null ? "" : " '" + name + "'"),
                hint != null ? hint : "metrics: wql, crps, coverage(0.8), mase, msis, crossing, energy, crps_lead");
    }

    /** {@code coverage(p)}: the interval's probability, a level in (0, 1) with no more digits than levels take. */
    private Metric coverage(Expr item, Optional<Expr> argument) {
        Optional<BigDecimal> p = argument.flatMap(at -> Constants.number(at, scope));
        if (p.isPresent() && LevelRule.outside(p.get()) == null && LevelRule.rounding(p.get()) != null) {
            error(DiagnosticCode.LEVEL_OUT_OF_RANGE, argument.get().span(), "coverage's probability "
                    + LevelRule.show(p.get()) + " " + LevelRule.rounding(p.get()), LevelRule.roundingHint(p.get()));
            return null;
        }
        if (p.isEmpty() || LevelRule.outside(p.get()) != null) {
            error(DiagnosticCode.LEVEL_OUT_OF_RANGE, item.span(), "coverage takes the interval's probability in (0, 1)",
                    "e.g. coverage(0.8)");
            return null;
        }
        return new Metric.Coverage(p.get().doubleValue());
    }

    private static Metric perName(String name) {
        return switch (name) {
            case "wql" -> new Metric.Wql();
            case "crps" -> new Metric.Crps();
            case "mase" -> new Metric.Mase();
            case "msis" -> new Metric.Msis();
            case "energy" -> new Metric.Energy();
            case "crps_lead" -> new Metric.CrpsLead();
            default -> new Metric.Crossing();
        };
    }
}
