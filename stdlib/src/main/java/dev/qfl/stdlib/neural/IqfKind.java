package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import java.util.List;
import java.util.Map;

/**
 * {@code iqf}: a global neural forecaster whose output is a whole quantile function per series and
 * horizon step (IQF, or ISQF with {@code pieces > 1}), trained on the closed-form CRPS.
 */
public final class IqfKind extends NeuralKind {
    public static final String NAME = "iqf";

    private static final List<OptionSpec> HEAD = List.of(
            OptionSpec.integer("knots", 20, 1, 200, "quantile knots at levels k/(knots+1)"),
            new OptionSpec("levels", OptionType.LEVELS, false, null, "from knots", null, null, List.of(),
                    "explicit knot levels, e.g. [0.05, 0.5, 0.95]"),
            OptionSpec.integer("pieces", 1, 1, 20, "linear pieces per interval (1: IQF, more: ISQF)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "learned incremental (spline) quantile function: any level, never crossing";
    }

    /**
     * Three members by default: on the accuracy benchmark (docs/models/iqf.md) they beat one on
     * every panel, and the validated run that chooses the epoch count is shared, so they cost about
     * twice one refitted model. Five beat three on every group and panel (about 2%), and members
     * that differ by context ({@code vary: context}) as much at the cost of three, but both move
     * the slow movers' median coverage just outside the ±0.05 required (−0.050, −0.053; the
     * learned mass at zero leans to the panel's average and too much sits just above zero), so
     * three seed members stay until the output knows the data are counts. Windows centred on exponential smoothing states by
     * default: on the development set they cut the loss relative to the seasonal naive by 6%
     * against centring on the last value (the figures are in the same page).
     */
    @Override
    Map<String, Object> defaultOverrides() {
        return Map.of("ensemble", 3, "centre", "smoothing");
    }

    @Override
    List<OptionSpec> headOptions() {
        return HEAD;
    }

    @Override
    void adjust(Map<String, Object> options) {
        if (options.get("levels") != null) {
            options.remove("knots");   // explicit levels replace the uniform knots
        }
    }

    @Override
    IqfHead head(ModelSpec spec) {
        double[] levels = spec.option("levels")
                .map(l -> ((List<?>) l).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray())
                .orElseGet(() -> IqfHead.uniformLevels(spec.intOption("knots")));
        return new IqfHead(levels, spec.intOption("pieces"));
    }
}
