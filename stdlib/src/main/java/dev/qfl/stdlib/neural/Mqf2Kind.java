package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code mqf2}: the multivariate quantile function forecaster. The forecast over the horizon is
 * one joint distribution, the gradient of a convex network applied to Gaussian noise, so it can
 * answer joint questions (totals over several steps, correlations between steps, sample paths).
 */
public final class Mqf2Kind extends NeuralKind {
    @Override
    public String name() {
        return "mqf2";
    }

    @Override
    public String summary() {
        return "multivariate quantile function over the horizon: joint questions, lead-time totals";
    }

    @Override
    public boolean joint() {
        return true;
    }

    @Override
    List<OptionSpec> headOptions() {
        return List.of(
                OptionSpec.integer("icnn_hidden", 20, 1, 1024, "hidden units of the convex network"),
                OptionSpec.integer("icnn_layers", 2, 2, 8, "layers of the convex network"),
                OptionSpec.integer("samples", 50, 2, 1000, "samples per energy-score set in training"),
                OptionSpec.integer("paths", 2000, 10, 100_000, "joint sample paths per series at query time"));
    }

    @Override
    Map<String, Object> defaultOverrides() {
        // refit doubles training time, and the accuracy benchmark measured it for iqf only
        return Map.of("hidden", 40, "batch", 64, "refit", false);
    }

    @Override
    JointHead head(ModelSpec spec) {
        return new Mqf2Head(spec.horizon(), spec.intOption("hidden"), spec.intOption("icnn_hidden"),
                spec.intOption("icnn_layers"), spec.intOption("samples"), spec.intOption("paths"), spec.intOption("seed"));
    }
}
