package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import java.util.List;

/**
 * {@code quantreg}: per-level quantile regression, the conventional approach QFL's learned quantile
 * functions replace. It answers at its trained levels; between them it interpolates, and its
 * quantiles may cross.
 */
public final class QuantregKind extends NeuralKind {
    /** The MQ-CNN default levels. */
    static final List<Double> DEFAULT_LEVELS = List.of(0.025, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.975);

    @Override
    public String name() {
        return "quantreg";
    }

    @Override
    public String summary() {
        return "baseline: one output per trained level (pinball loss); may cross, interpolates between levels";
    }

    @Override
    List<OptionSpec> headOptions() {
        return List.of(new OptionSpec("levels", OptionType.LEVELS, false, DEFAULT_LEVELS, null, null, null, List.of(),
                "the trained levels"));
    }

    @Override
    UnivariateHead head(ModelSpec spec) {
        List<?> levels = (List<?>) spec.option("levels").orElse(DEFAULT_LEVELS);
        return new QuantregHead(levels.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
    }
}
