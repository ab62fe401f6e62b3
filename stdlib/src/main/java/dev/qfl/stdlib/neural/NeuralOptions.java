package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
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
 * @param ensemble       members trained with different seeds, combined as {@code combine} says
 * @param refit          after choosing the epoch count on held-out windows, train again on all data
 * @param centre         what windows are centred on: "last" (value), "mean" (of the context) or "smoothing" (states)
 * @param vary           what ensemble members differ by: "seed" only, or also "context" (each member its own
 *                       context length, {@link #memberContext})
 * @param counts         "auto": whole-number, non-negative panels train and answer as counts ({@link #countsIn});
 *                       "off": as any other panel
 * @param combine        how members' per-step distributions combine: "mixture" (their CDFs averaged, wider where
 *                       they disagree) or "average" (their quantile functions averaged level by level); joint
 *                       heads' paths are always averaged level by level
 */
record NeuralOptions(int horizon, int context, int season, int epochs, int batch, int hidden, int layers,
                     float learningRate, long seed, String device, String encoder, Duration maxTime, int ensemble,
                     boolean refit, String centre, String vary, String counts, String combine) {

    /** The window layout these options describe, for a chosen context length and frequency. */
    WindowLayout layout(Frequency frequency, int contextLength) {
        return WindowLayout.of(frequency, contextLength, horizon, season, WindowCentre.of(centre));
    }

    /**
     * Context lengths of ensemble members with {@code vary: context}, as multiples of the chosen
     * one, cycled: member 0 keeps it, so the validated run that chooses the epoch count is the
     * same as without. Half and one and a half the context see the series' recent past and its
     * longer history differently, which is the diversity an average of members needs.
     */
    static final double[] CONTEXT_FACTORS = {1, 0.5, 1.5, 0.75, 1.25};

    /** The context length of member {@code index} of an ensemble whose chosen context is {@code base}. */
    int memberContext(int base, int index) {
        if (!"context".equals(vary)) {
            return base;
        }
        return Math.max(1, (int) Math.round(base * CONTEXT_FACTORS[index % CONTEXT_FACTORS.length]));
    }

    /**
     * Whether this panel is forecast as counts: {@code counts: auto}, non-negative, and every
     * observed value a whole number. Such a panel trains on targets spread uniformly over
     * [y − ½, y + ½] ({@link WindowSampler}) and answers with whole numbers ({@link NeuralModel}).
     */
    boolean countsIn(Panel panel) {
        return "auto".equals(counts) && panel.support() == Support.NONNEGATIVE && wholeNumbers(panel);
    }

    private static boolean wholeNumbers(Panel panel) {
        for (TimeSeries ts : panel.series()) {
            for (int t = 0; t < ts.length(); t++) {
                if (ts.isObserved(t) && ts.value(t) != Math.rint(ts.value(t))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether members' per-step distributions combine as a mixture ({@code combine: mixture}). */
    boolean mixesMembers() {
        return "mixture".equals(combine);
    }

    /** Batches per epoch, as in GluonTS's trainer: an epoch is a fixed number of sampled batches. */
    static final int STEPS_PER_EPOCH = 50;

    static NeuralOptions from(ModelSpec spec) {
        return new NeuralOptions(spec.horizon(), intOr(spec, "context", 0), intOr(spec, "season", 1),
                spec.intOption("epochs"), spec.intOption("batch"), spec.intOption("hidden"), spec.intOption("layers"),
                (float) spec.numberOption("lr"), spec.intOption("seed"), spec.stringOption("device"),
                spec.stringOption("encoder"), (Duration) spec.option("max_time").orElse(null),
                intOr(spec, "ensemble", 1), spec.option("refit").map(Boolean.class::cast).orElse(false),
                spec.option("centre").map(String::valueOf).orElse("last"),
                spec.option("vary").map(String::valueOf).orElse("seed"),
                spec.option("counts").map(String::valueOf).orElse("off"),
                spec.option("combine").map(String::valueOf).orElse("average"));
    }

    private static int intOr(ModelSpec spec, String name, int fallback) {
        return spec.option(name).map(v -> ((Number) v).intValue()).orElse(fallback);
    }

    /** The same options for one ensemble member: its own seed, one member. */
    NeuralOptions member(int index) {
        return new NeuralOptions(horizon, context, season, epochs, batch, hidden, layers, learningRate, seed + index,
                device, encoder, maxTime, 1, refit, centre, vary, counts, combine);
    }

    /** The same options with another epoch count (the refit on all data runs the chosen number). */
    NeuralOptions withEpochs(int count) {
        return new NeuralOptions(horizon, context, season, count, batch, hidden, layers, learningRate, seed, device,
                encoder, maxTime, ensemble, refit, centre, vary, counts, combine);
    }
}
