package dev.qfl.plan;

import java.util.List;

/**
 * What running a script will do, in order: which data is read, which models are trained (or
 * loaded from the cache), the one batched inference per model, and the queries each inference
 * serves. {@code qfl explain} prints it; nothing in it has run.
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
        /** A line of text for {@code qfl explain}. */
        String describe();
    }

    /** Read a data file into a series panel. */
    public record Load(String series, String path, String options) implements Step {
        @Override
        public String describe() {
            return "load   " + series + " from " + path + (options.isEmpty() ? "" : " (" + options + ")");
        }
    }

    /** Train a model, or take it from the cache when spec and data are unchanged. */
    public record Train(String model, String spec, String series, String how) implements Step {
        @Override
        public String describe() {
            return "fit    " + model + " = " + spec + " on " + series + ": " + how;
        }
    }

    /** One batched inference of a model serving queries at the given lines. */
    public record Infer(String model, int steps, List<Integer> servesLines) implements Step {
        public Infer {
            servesLines = List.copyOf(servesLines);
        }

        @Override
        public String describe() {
            return "infer  " + model + ": one batched forecast of " + steps + " step" + (steps == 1 ? "" : "s")
                    + " for every series, serving line" + (servesLines.size() == 1 ? " " : "s ")
                    + String.join(", ", servesLines.stream().map(String::valueOf).toList());
        }
    }

    /** A query answered from a model's forecast. */
    public record Query(int line, String text, String model) implements Step {
        @Override
        public String describe() {
            return "query  line " + line + ": " + text + "  ← " + model;
        }
    }

    /** Anything else that acts: an export, a save. */
    public record Action(int line, String text) implements Step {
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
