package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.model.ModelSpec;
import java.time.Duration;

/**
 * The training settings every neural model shares, read from a resolved spec.
 *
 * @param horizon        steps forecast
 * @param context        past steps the encoder sees, or 0 to choose from the data
 *                       ({@link WindowLayout#defaultContext})
 * @param season         seasonal period in steps (the lag each forecast step sees)
 * @param epochs         maximum epochs
 * @param batch          windows per step
 * @param hidden         hidden units per layer
 * @param layers         encoder layers
 * @param learningRate   Adam's initial learning rate (halved on plateaus)
 * @param seed           seed of every random choice (weights and windows); member i uses seed + i
 * @param device         auto, cpu or gpu
 * @param encoder        mlp or lstm
 * @param maxTime        wall-time bound of a fit, or null
 * @param ensemble       members trained with different seeds and averaged level by level
 * @param refit          after choosing the epoch count on held-out windows, train again on all data
 * @param centre         what windows are centred on: "last" (value), "mean" (of the context) or "smoothing" (states)
 */
record NeuralOptions(int horizon, int context, int season, int epochs, int batch, int hidden, int layers,
                     float learningRate, long seed, String device, String encoder, Duration maxTime, int ensemble,
                     boolean refit, String centre) {

    /** The window layout these options describe, for a chosen context length and frequency. */
    WindowLayout layout(Frequency frequency, int contextLength) {
        return WindowLayout.of(frequency, contextLength, horizon, season, WindowCentre.of(centre));
    }

    /** Batches per epoch, as in GluonTS's trainer: an epoch is a fixed number of sampled batches. */
    static final int STEPS_PER_EPOCH = 50;

    static NeuralOptions from(ModelSpec spec) {
        return new NeuralOptions(spec.horizon(), intOr(spec, "context", 0), intOr(spec, "season", 1),
                spec.intOption("epochs"), spec.intOption("batch"), spec.intOption("hidden"), spec.intOption("layers"),
                (float) spec.numberOption("lr"), spec.intOption("seed"), spec.stringOption("device"),
                spec.stringOption("encoder"), (Duration) spec.option("max_time").orElse(null),
                intOr(spec, "ensemble", 1), spec.option("refit").map(Boolean.class::cast).orElse(false),
                spec.option("centre").map(String::valueOf).orElse("last"));
    }

    private static int intOr(ModelSpec spec, String name, int fallback) {
        return spec.option(name).map(v -> ((Number) v).intValue()).orElse(fallback);
    }

    /** The same options for one ensemble member: its own seed, one member. */
    NeuralOptions member(int index) {
        return new NeuralOptions(horizon, context, season, epochs, batch, hidden, layers, learningRate, seed + index,
                device, encoder, maxTime, 1, refit, centre);
    }

    /** The same options with another epoch count (the refit on all data runs the chosen number). */
    NeuralOptions withEpochs(int count) {
        return new NeuralOptions(horizon, context, season, count, batch, hidden, layers, learningRate, seed, device,
                encoder, maxTime, ensemble, refit, centre);
    }
}
