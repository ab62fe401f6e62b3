package dev.qfl.stdlib.model;

import java.time.Duration;

/**
 * What a fit did, for the one-line summary in scripts and {@code :models} in the REPL.
 *
 * @param seriesUsed     series that contributed training data
 * @param epochs         epochs run (0 for non-iterative models)
 * @param bestEpoch      epoch whose parameters were kept (0 when not applicable)
 * @param trainLoss      final training loss, NaN when not applicable
 * @param validationLoss best validation loss, NaN when not applicable
 * @param elapsed        wall time of the fit
 * @param stopReason     why training ended: "completed", "early stop", "max_time", ...
 */
public record TrainingSummary(int seriesUsed, int epochs, int bestEpoch, double trainLoss, double validationLoss,
                              Duration elapsed, String stopReason) {

    public static TrainingSummary instant(int seriesUsed, Duration elapsed) {
        return new TrainingSummary(seriesUsed, 0, 0, Double.NaN, Double.NaN, elapsed, "completed");
    }

    /** One line, e.g. "30 series, 30 epochs (best 27), loss 0.412, validation 0.433, 12.3 s". */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(seriesUsed).append(" series");
        if (epochs > 0) {
            sb.append(", ").append(epochs).append(" epochs (best ").append(bestEpoch).append(')');
        }
        if (!Double.isNaN(trainLoss)) {
            sb.append(String.format(java.util.Locale.ROOT, ", loss %.4f", trainLoss));
        }
        if (!Double.isNaN(validationLoss)) {
            sb.append(String.format(java.util.Locale.ROOT, ", validation %.4f", validationLoss));
        }
        sb.append(String.format(java.util.Locale.ROOT, ", %.1f s", elapsed.toMillis() / 1000.0));
        if (!"completed".equals(stopReason)) {
            sb.append(", stopped: ").append(stopReason);
        }
        return sb.toString();
    }
}
