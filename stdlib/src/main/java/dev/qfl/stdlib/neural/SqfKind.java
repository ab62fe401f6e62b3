package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import java.util.List;

/** {@code sqf}: the spline quantile function with learned knot positions, trained on its closed-form CRPS. */
public final class SqfKind extends NeuralKind {
    @Override
    public String name() {
        return "sqf";
    }

    @Override
    public String summary() {
        return "spline quantile function with learned knot positions (bounded support)";
    }

    @Override
    List<OptionSpec> headOptions() {
        return List.of(OptionSpec.integer("pieces", 10, 2, 50, "linear pieces of the spline"));
    }

    @Override
    UnivariateHead head(ModelSpec spec) {
        return new SqfHead(spec.intOption("pieces"));
    }
}
