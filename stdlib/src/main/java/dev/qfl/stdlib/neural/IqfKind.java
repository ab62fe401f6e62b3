package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code iqf}: a global neural forecaster whose output is a whole quantile function per series and
 * horizon step (IQF, or ISQF with {@code pieces > 1}), trained on the closed-form CRPS. Describing
 * the kind touches no tensor code; the engine starts only in {@link #fit} and
 * {@link #readParameters}.
 */
public final class IqfKind implements ModelKind {
    public static final String NAME = "iqf";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.required("horizon", OptionType.INTEGER, 1, 1000, "steps to forecast"),
            OptionSpec.integer("context", null, 1, 5000, "past steps the encoder sees").derivedDefault("4 × horizon"),
            OptionSpec.integer("knots", 20, 1, 200, "quantile knots at levels k/(knots+1)"),
            new OptionSpec("levels", OptionType.LEVELS, false, null, "from knots", null, null, List.of(),
                    "explicit knot levels, e.g. [0.05, 0.5, 0.95]"),
            OptionSpec.integer("pieces", 1, 1, 20, "linear pieces per interval (1: IQF, more: ISQF)"),
            OptionSpec.integer("epochs", 30, 1, 100_000, "maximum training epochs"),
            OptionSpec.integer("batch", 256, 1, 65_536, "windows per training step"),
            OptionSpec.integer("hidden", 64, 1, 4096, "hidden units per layer"),
            OptionSpec.integer("layers", 2, 1, 16, "encoder layers"),
            OptionSpec.number("lr", 0.001, 1e-7, 1.0, "Adam learning rate"),
            OptionSpec.integer("seed", 0, 0, Integer.MAX_VALUE, "seed of weights and window sampling"),
            OptionSpec.symbol("device", "auto", List.of("auto", "cpu", "gpu"), "where to train"),
            OptionSpec.symbol("encoder", "mlp", List.of("mlp", "lstm"), "the encoder network"),
            new OptionSpec("max_time", OptionType.DURATION, false, null, "none", null, null, List.of(),
                    "wall-time bound of a fit, e.g. 10m"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "learned incremental (spline) quantile function: any level, never crossing";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public boolean neural() {
        return true;
    }

    @Override
    public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
        Map<String, Object> out = new HashMap<>();
        for (OptionSpec o : OPTIONS) {
            if (o.defaultValue() != null) {
                out.put(o.name(), o.defaultValue());
            }
        }
        out.putAll(given);
        if (!(out.get("horizon") instanceof Integer horizon)) {
            throw new IllegalArgumentException("iqf needs a horizon");
        }
        out.putIfAbsent("context", 4 * horizon);
        if (out.get("levels") != null) {
            out.remove("knots");   // explicit levels replace the uniform knots
        }
        out.put("frequency", frequency.keyword());
        return new ModelSpec(NAME, out);
    }

    @Override
    public int minimumLength(ModelSpec spec) {
        return 1;   // shorter series are padded and masked, so even new series get forecasts
    }

    static IqfHead head(ModelSpec spec) {
        double[] levels = spec.option("levels")
                .map(l -> ((List<?>) l).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray())
                .orElseGet(() -> IqfHead.uniformLevels(spec.intOption("knots")));
        return new IqfHead(levels, spec.intOption("pieces"));
    }

    @Override
    public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
        return NeuralTrainer.fit(panel, spec, head(spec), context);
    }

    @Override
    public TrainedModel readParameters(ModelSpec spec, TrainingSummary summary, InputStream in) throws IOException {
        return NeuralTrainer.load(spec, head(spec), summary, in);
    }
}
