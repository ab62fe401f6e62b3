package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import java.util.List;

/** {@code gaussian}: the parametric baseline, a normal distribution per series and step. */
public final class GaussianKind extends NeuralKind {
    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String summary() {
        return "baseline: a normal distribution per step, trained on the negative log-likelihood";
    }

    @Override
    List<OptionSpec> headOptions() {
        return List.of();
    }

    @Override
    UnivariateHead head(ModelSpec spec) {
        return new GaussianHead();
    }
}
