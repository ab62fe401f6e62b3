package dev.qfl.stdlib.forecast;

import java.util.List;
import java.util.Optional;

/**
 * The output of one batched inference run of a trained model over a panel: a forecast per series
 * that was long enough to forecast. All queries against the model read from this set.
 *
 * @param model    the model's declared name
 * @param horizon  steps forecast per series
 * @param series   per-series forecasts, in panel order
 * @param skipped  ids of series that were left out (too short), with the reason
 */
public record ForecastSet(String model, int horizon, List<SeriesForecast> series, List<Skipped> skipped) {

    public ForecastSet {
        series = List.copyOf(series);
        skipped = List.copyOf(skipped);
    }

    /** A series the model could not forecast, and why. */
    public record Skipped(String id, String reason) {
    }

    public Optional<SeriesForecast> find(String id) {
        return series.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
