package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.JointDistribution;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The loss of the function as answers use it when they floor it (demand: at zero), with
     * {@code floor} (batch, 1) the floor of each window in normalised units, or null when answers
     * are not floored (then it is the plain loss). Heads that cannot account for a floor train on
     * the plain loss.
     */
    default NDArray loss(NDArray raw, NDArray target, NDArray mask, NDArray floor) {
        return loss(raw, target, mask);
    }

    /** Σ v·w / max(Σ w, 1): the mean of {@code values} over the entries whose weight counts them. */
    static NDArray maskedMean(NDArray values, NDArray weights) {
        return values.mul(weights).sum().div(weights.sum().clip(1f, Float.MAX_VALUE));
    }

    /**
     * The loss on the validation slice, compared across epochs to keep the best one. Heads whose
     * loss is estimated by sampling override it to draw the same numbers every epoch, so epochs
     * differ by what the model learned and not by sampling luck.
     */
    default NDArray validationLoss(NDArray raw, NDArray target, NDArray mask) {
        return loss(raw, target, mask);
    }

    /**
     * The validation loss with each window's floor (see {@link #loss(NDArray, NDArray, NDArray, NDArray)}).
     * Heads that cannot account for a floor validate as they always do; a head that trains on a
     * floored loss overrides this to validate on it too.
     */
    default NDArray validationLoss(NDArray raw, NDArray target, NDArray mask, NDArray floor) {
        return validationLoss(raw, target, mask);
    }

    /**
     * The distribution of one step from its raw outputs (in normalised units), mapped back to the
     * series' units as {@code location + scale · value}.
     */
    QuantileFunction distribution(float[] raw, int offset, double location, double scale);

    /**
     * How many horizon steps the network emits outputs for: every step for per-step heads; a joint
     * head reads one context vector for the whole horizon.
     */
    default int networkSteps(int horizon) {
        return horizon;
    }

    /** Trainable tensors of the head itself, beyond the network's (updated by the same optimiser). */
    default List<NDArray> parameters() {
        return List.of();
    }

    /**
     * Called once with the first training batch, before the first update (data-dependent set-up).
     *
     * @param raw    the untrained network's outputs for the batch
     * @param target (batch, horizon) scaled outcomes
     * @param mask   (batch, horizon) 1 where the outcome was observed
     */
    default void prepare(NDArray raw, NDArray target, NDArray mask) {
    }

    /**
     * The forecast of one series from the network's outputs for it: by default each step's
     * distribution from its own outputs and no joint distribution.
     *
     * @param raw     all outputs of the batch
     * @param offset  where this series' outputs start
     * @param location the series' window location
     * @param scale    the series' window scale
     * @param horizon  steps to forecast
     * @param seed     seed for anything sampled, so answers repeat
     */
    default Forecast forecast(float[] raw, int offset, double location, double scale, int horizon, long seed) {
        List<QuantileFunction> steps = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            steps.add(distribution(raw, offset + h * outputsPerStep(), location, scale));
        }
        return new Forecast(steps, null);
    }

    /** Writes the head's own parameters after the network's. */
    default void writeParameters(DataOutputStream out) throws IOException {
    }

    /** Reads what {@link #writeParameters} wrote. */
    default void readParameters(NDManager manager, DataInputStream in) throws IOException {
    }

    /** One series' forecast: marginals per step and, for joint heads, the joint distribution. */
    record Forecast(List<QuantileFunction> steps, JointDistribution joint) {
    }
}
