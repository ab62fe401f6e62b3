package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.ModelSpec;
import java.time.Duration;

/**
 * The training settings every neural model shares, read from a resolved spec.
 *
 * @param horizon        steps forecast
 * @param context        past steps the encoder sees
 * @param epochs         maximum epochs
 * @param batch          windows per step
 * @param hidden         hidden units per layer
 * @param layers         encoder layers
 * @param learningRate   Adam's initial learning rate (halved on plateaus)
 * @param seed           seed of every random choice (weights and windows)
 * @param device         auto, cpu or gpu
 * @param encoder        mlp or lstm
 * @param maxTime        wall-time bound of a fit, or null
 */
record NeuralOptions(int horizon, int context, int epochs, int batch, int hidden, int layers, float learningRate,
                     long seed, String device, String encoder, Duration maxTime) {

    /** Batches per epoch, as in GluonTS's trainer: an epoch is a fixed number of sampled batches. */
    static final int STEPS_PER_EPOCH = 50;

    static NeuralOptions from(ModelSpec spec) {
        return new NeuralOptions(spec.horizon(), spec.intOption("context"), spec.intOption("epochs"),
                spec.intOption("batch"), spec.intOption("hidden"), spec.intOption("layers"),
                (float) spec.numberOption("lr"), spec.intOption("seed"), spec.stringOption("device"),
                spec.stringOption("encoder"), (Duration) spec.option("max_time").orElse(null));
    }
}
