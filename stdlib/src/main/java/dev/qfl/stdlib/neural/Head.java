package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The distributional output of a neural forecaster, as the shared training pipeline sees it: the
 * shape of the raw outputs it needs from the network, the loss on them, and its own trainable
 * state. What a trained head answers with depends on its kind, and there are exactly two:
 * <ul>
 *   <li>a {@link UnivariateHead} turns each horizon step's outputs into that step's quantile
 *   function (iqf, sqf, quantreg, gaussian);</li>
 *   <li>a {@link JointHead} turns one context vector per window into sample paths over the whole
 *   horizon (mqf2).</li>
 * </ul>
 * The interface is sealed so that {@link #match} is exhaustive: code that must treat the two
 * differently (building a member's forecast) asks for both cases and the compiler checks it.
 */
sealed interface Head permits UnivariateHead, JointHead {

    /** What the network emits per window: {@code steps} rows of {@code width} numbers. */
    record Outputs(int steps, int width) {
        /** Raw numbers per window. */
        int size() {
            return steps * width;
        }
    }

    /** The network's output shape for a forecast of {@code horizon} steps. */
    Outputs outputs(int horizon);

    /** Calls {@code univariate} or {@code joint} with this head, whichever kind it is. */
    <R> R match(Function<? super UnivariateHead, R> univariate, Function<? super JointHead, R> joint);

    /**
     * Mean loss over the observed targets.
     *
     * @param raw    (batch, steps, width) network outputs, see {@link #outputs}
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

    /** Writes the head's own parameters after the network's. */
    default void writeParameters(DataOutputStream out) throws IOException {
    }

    /** Reads what {@link #writeParameters} wrote. */
    default void readParameters(NDManager manager, DataInputStream in) throws IOException {
    }
}
