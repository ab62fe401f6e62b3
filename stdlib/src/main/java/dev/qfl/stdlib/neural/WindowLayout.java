package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one window of the network's input holds: how many past steps ({@code context}), how many
 * forecast steps, the frequency (for calendar features) and the seasonal lags each forecast step
 * sees. Everything here follows from the spec and the chosen context length, so a loaded model
 * rebuilds exactly the layout it was trained with.
 *
 * @param frequency the panel's frequency
 * @param context   past steps the encoder sees
 * @param horizon   forecast steps
 * @param season    the seasonal period in steps (1: none), which the smoothing states use
 * @param lags      seasonal lags (in steps, each > 1): for forecast step t the network also gets the
 *                  latest value at t − k·lag that lies before the forecast origin
 * @param centre    what each window is centred on
 * @param covariates the covariates and holiday calendar each window also sees ({@link CovariateSchema#NONE}
 *                  for none): per forecast step the dynamic covariates and the holiday count, per
 *                  window the past covariates and the static codes
 */
record WindowLayout(Frequency frequency, int context, int horizon, int season, int[] lags, WindowCentre centre,
                    CovariateSchema covariates) {

    /** Per context step: the normalised value, its observed flag and the states' one-step error there. */
    static final int CONTEXT_FEATURES = 3;
    /**
     * Per window: the series' age, where zero lies in normalised units, and the share of the
     * context's observations that are exactly zero (an intermittent item's chance of no demand;
     * reading it off the normalised context values was too hard for the network, which gave every
     * slow mover about the same mass at zero).
     */
    static final int WINDOW_FEATURES = 6;

    WindowLayout {
        lags = lags.clone();
        java.util.Objects.requireNonNull(covariates, "covariates");
        java.util.Objects.requireNonNull(centre, "centre");
    }

    static WindowLayout of(Frequency frequency, int context, int horizon, int season, WindowCentre centre) {
        return new WindowLayout(frequency, context, horizon, season, lags(frequency, season), centre,
                CovariateSchema.NONE);
    }

    /** The same layout with another context length (an ensemble member's own, {@link NeuralOptions#memberContext}). */
    WindowLayout withContext(int length) {
        return new WindowLayout(frequency, length, horizon, season, lags, centre, covariates);
    }

    /** The same layout with the covariates a panel (or a saved model) has. */
    WindowLayout withCovariates(CovariateSchema schema) {
        return new WindowLayout(frequency, context, horizon, season, lags, centre, schema);
    }

    /**
     * One season back and, for hourly and daily data, also one week or one year back (a second
     * cycle the calendar alone cannot place: last year's value of the same weekday).
     */
    static int[] lags(Frequency frequency, int season) {
        List<Integer> out = new ArrayList<>();
        if (season > 1) {
            out.add(season);
        }
        int longer = switch (frequency) {
            case HOUR -> 168;
            case DAY -> 364;
            default -> 0;
        };
        if (longer > 1 && !out.contains(longer)) {
            out.add(longer);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    int calendar() {
        return CalendarFeatures.count(frequency);
    }

    /**
     * Inputs per forecast step: its calendar, a value and an observed flag per lag, its
     * covariates, and last how far off the classic's forecasts that many steps ahead have been
     * ({@link WindowSampler}'s class comment).
     */
    int stepFeatures() {
        return calendar() + 2 * lags.length + covariates.stepFeatures() + 1;
    }

    int extraFeatures() {
        return horizon * stepFeatures() + WINDOW_FEATURES + covariates.windowFeatures();
    }

    /**
     * The default context: two seasons or two horizons, whichever is longer, so the encoder sees a
     * full cycle twice; but at most half of what the typical (median) series has before its last
     * horizon, or one horizon if that is more and the series have it, so short panels (17 yearly
     * points, say) still give windows that are mostly data, not padding.
     */
    static int defaultContext(Panel panel, int horizon, int season) {
        int wanted = Math.max(2 * Math.max(season, 1), 2 * horizon);
        int[] lengths = panel.series().stream().mapToInt(TimeSeries::length).sorted().toArray();
        if (lengths.length == 0) {
            return wanted;
        }
        int typical = lengths[lengths.length / 2];
        int cap = Math.max(Math.min(horizon, Math.max(1, typical - horizon)), (typical - horizon) / 2);
        return Math.max(1, Math.min(wanted, cap));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowLayout w && w.frequency == frequency && w.context == context && w.horizon == horizon
                && w.season == season && Arrays.equals(w.lags, lags) && w.centre == centre
                && w.covariates.equals(covariates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * frequency.hashCode() + context) + horizon) + Arrays.hashCode(lags))
                + centre.hashCode() + 17 * covariates.hashCode();
    }

    @Override
    public int[] lags() {
        return lags.clone();
    }
}
