package dev.qfl.stdlib.neural;

import java.util.Locale;

/**
 * What a training or forecast window is centred on. The choice decides what the network has to
 * learn: centred on the last value, a random walk is free and a noisy stationary series must be
 * averaged by the network; centred on the mean, the other way round; centred on exponential
 * smoothing states, each series gets the level, trend and season its own history supports, and
 * the network learns what that classic forecast misses and how far off it tends to be.
 */
enum WindowCentre {
    /** The context's last observed value; scaled by the context's typical step. */
    LAST,
    /** The mean of the context's observed values; scaled by the context's typical step. */
    MEAN,
    /**
     * The series' exponential smoothing level at the origin, with its trend and season taken out
     * of every target and its one-step errors as the scale (see {@link SmoothingStates}).
     */
    SMOOTHING;

    static WindowCentre of(String spelling) {
        return valueOf(spelling.toUpperCase(Locale.ROOT));
    }
}
