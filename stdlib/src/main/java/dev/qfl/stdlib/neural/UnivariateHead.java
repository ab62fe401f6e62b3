package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.dist.QuantileFunction;
import java.util.function.Function;

/**
 * A head with a distribution per horizon step: the network emits {@link #outputsPerStep()} raw
 * numbers for every step, and each step's numbers alone describe that step's quantile function.
 * Steps are forecast independently (no joint distribution).
 */
non-sealed interface UnivariateHead extends Head {

    /** Raw outputs per horizon step. */
    int outputsPerStep();

    /**
     * The distribution of one step from its raw outputs (in normalised units), mapped back to the
     * series' units as {@code location + scale · value}.
     *
     * @throws IllegalArgumentException when the outputs describe no distribution (not finite)
     */
    QuantileFunction distribution(float[] raw, int offset, double location, double scale);

    @Override
    default Outputs outputs(int horizon) {
        return new Outputs(horizon, outputsPerStep());
    }

    @Override
    default <R> R match(Function<? super UnivariateHead, R> univariate, Function<? super JointHead, R> joint) {
        return univariate.apply(this);
    }
}
