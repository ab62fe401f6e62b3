package dev.qfl.stdlib.neural;

/**
 * What tools outside the library (the benchmarks in {@code bench/}) may know about how neural
 * models train. Deliberately tiny: the training pipeline itself stays package-private.
 */
public final class NeuralTraining {
    /**
     * Optimiser steps in one epoch, whatever the panel's size: an epoch is a fixed number of
     * sampled batches, so throughput is steps per second = this over an epoch's wall time.
     */
    public static final int STEPS_PER_EPOCH = NeuralOptions.STEPS_PER_EPOCH;

    private NeuralTraining() {
    }
}
