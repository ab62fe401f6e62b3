package dev.qfl.plan;

import java.util.List;

/**
 * What running a script does, in order: which data is read, which models are trained (or loaded
 * from the cache or a saved file), the one batched inference per model and series, and the queries
 * and actions each statement performs. {@code qfl explain} prints it without running anything; a
 * run executes exactly these steps, statement by statement (the executor walks them), so the two
 * cannot disagree.
 *
 * @param script the script name
 * @param steps  the steps in execution order
 */
public record Plan(String script, List<Step> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    /** One step of a plan. */
    public sealed interface Step {
        /** The statement (0-based, in script order) during which the step runs. */
        int statement();

        /** A line of text for {@code qfl explain}. */
        String describe();
    }

    /** Read a data source into a series panel. */
    public record Load(int statement, String series, String path, String options) implements Step {
        @Override
        public String describe() {
            return "load   " + series + " from " + path + (options.isEmpty() ? "" : " (" + options + ")");
        }
    }

    /** Read a model saved by {@code save}; nothing is trained for it. */
    public record LoadModel(int statement, String model, String path) implements Step {
        @Override
        public String describe() {
            return "read   " + model + " from " + path + " (a saved model: nothing to fit)";
        }
    }

    /** Train a model, or take it from the cache when spec and data are unchanged. */
    public record Train(int statement, String model, String spec, String series, String how) implements Step {
        @Override
        public String describe() {
            return "fit    " + model + " = " + spec + " on " + series + ": " + how;
        }
    }

    /**
     * One batched inference of a model for every series of a panel, serving the queries at the
     * given lines.
     *
     * @param steps the model's horizon, or 0 when it is known only once the model is read (a saved model)
     */
    public record Infer(int statement, String model, String series, int steps, List<Integer> servesLines)
            implements Step {
        public Infer {
            servesLines = List.copyOf(servesLines);
        }

        @Override
        public String describe() {
            String horizon = steps == 0 ? "its horizon" : steps + " step" + (steps == 1 ? "" : "s");
            return "infer  " + model + ": one batched forecast of " + horizon + " for every series of " + series
                    + ", serving line" + (servesLines.size() == 1 ? " " : "s ")
                    + String.join(", ", servesLines.stream().map(String::valueOf).toList());
        }
    }

    /**
     * A what-if question's own forecast ({@code ... using ar with promo = 1}): the fitted model
     * forecasts the panel with the assigned future covariates; nothing is trained again and the
     * plain forecast is kept for the other questions.
     */
    public record WhatIf(int statement, String model, String series, List<dev.qfl.check.ResolvedQuery.WhatIf> changes)
            implements Step {
        public WhatIf {
            changes = List.copyOf(changes);
        }

        @Override
        public String describe() {
            return "what-if " + model + ": its forecast of " + series + " with " + String.join(", ", changes.stream()
                    .map(dev.qfl.check.ResolvedQuery.WhatIf::text).toList()) + " (no retraining; the plain forecast is kept)";
        }
    }

    /** A query answered from a model's forecast. */
    public record Query(int statement, int line, String text, String model) implements Step {
        @Override
        public String describe() {
            return "query  line " + line + ": " + text + "  ← " + model;
        }
    }

    /** Anything else that acts: a backtest, an export, a save, a plot. */
    public record Action(int statement, int line, String text) implements Step {
        @Override
        public String describe() {
            return "do     line " + line + ": " + text;
        }
    }

    /** The plan as numbered lines. */
    public String render() {
        StringBuilder sb = new StringBuilder("plan for ").append(script).append('\n');
        for (int i = 0; i < steps.size(); i++) {
            sb.append(String.format("%3d. ", i + 1)).append(steps.get(i).describe()).append('\n');
        }
        return sb.toString();
    }
}
