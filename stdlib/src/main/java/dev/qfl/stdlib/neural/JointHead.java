package dev.qfl.stdlib.neural;

import java.util.function.Function;

/**
 * A head with one distribution over the whole horizon: the network emits one context vector of
 * {@link #contextWidth()} numbers per window, and the head answers with sample paths drawn from
 * the joint distribution it describes. Each step's marginal is read off the paths.
 */
non-sealed interface JointHead extends Head {

    /** Width of the context vector the network emits once per window. */
    int contextWidth();

    /**
     * Sample paths of one series in its own units ({@code location + scale · value}), one row per
     * path and one column per horizon step.
     *
     * @param raw      all outputs of the batch
     * @param offset   where this series' context vector starts
     * @param location the series' window location
     * @param scale    the series' window scale
     * @param seed     seed for the draws, so answers repeat
     */
    double[][] paths(float[] raw, int offset, double location, double scale, long seed);

    /** One network step: the context vector is read once for the whole horizon. */
    @Override
    default Outputs outputs(int horizon) {
        return new Outputs(1, contextWidth());
    }

    @Override
    default <R> R match(Function<? super UnivariateHead, R> univariate, Function<? super JointHead, R> joint) {
        return joint.apply(this);
    }
}
