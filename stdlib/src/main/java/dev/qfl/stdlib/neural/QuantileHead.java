package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import dev.qfl.stdlib.dist.QuantileFunction;

/**
 * The distributional output of a neural forecaster: how many raw numbers the network emits per
 * horizon step, the training loss on them, and the quantile function they describe. The encoder
 * and training loop are shared; heads differ (iqf's learned quantile function now; others plug in
 * the same way).
 */
interface QuantileHead {

    /** Raw outputs per horizon step. */
    int outputsPerStep();

    /**
     * Mean loss over the observed targets.
     *
     * @param raw    (batch, horizon, outputsPerStep) network outputs
     * @param target (batch, horizon) scaled outcomes
     * @param mask   (batch, horizon) 1 where the outcome counts
     */
    NDArray loss(NDArray raw, NDArray target, NDArray mask);

    /** The distribution of one step from its raw outputs (in scaled units), rescaled by {@code scale}. */
    QuantileFunction distribution(float[] raw, int offset, double scale);
}
