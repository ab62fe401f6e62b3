package dev.qfl.stdlib.models.naive;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resolved seasonal-naive model. It holds no learned parameters: every forecast is computed from
 * the series it is given, so the same model forecasts a backtest cut or the full history alike.
 *
 * @param spec    resolved options (horizon, season)
 * @param summary what the fit did
 * @param minimum fewest points a series needs, {@link SeasonalNaiveKind#minimumLength}
 */
public record SeasonalNaiveModel(ModelSpec spec, TrainingSummary summary, int minimum) implements TrainedModel {

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        int horizon = spec.horizon();
        int season = SeasonalNaiveKind.season(spec);
        boolean floorAtZero = panel.support() == Support.NONNEGATIVE;
        List<SeriesForecast> forecasts = new ArrayList<>();
        List<ForecastSet.Skipped> skipped = new ArrayList<>();
        for (TimeSeries series : panel.series()) {
            context.checkCancelled();
            if (series.length() < minimum) {
                skipped.add(new ForecastSet.Skipped(series.id(), "has " + series.length() + " observations; "
                        + SeasonalNaiveKind.NAME + " with season " + season + " and horizon " + horizon
                        + " needs at least " + minimum));
                continue;
            }
            Optional<SeriesForecast> forecast = forecastSeries(series, horizon, season, floorAtZero);
            if (forecast.isPresent()) {
                forecasts.add(forecast.get());
            } else {
                skipped.add(new ForecastSet.Skipped(series.id(), "has no two observed values " + season
                        + " steps apart, so " + SeasonalNaiveKind.NAME + " has no errors to size its quantiles from"));
            }
        }
        return new ForecastSet(name, horizon, forecasts, skipped);
    }

    /**
     * The forecast of one series: step h is y[T + h − m·⌈h/m⌉] plus the error distribution of
     * multiple ⌈h/m⌉, floored at zero for non-negative data. Empty when the series has no errors.
     */
    static Optional<SeriesForecast> forecastSeries(TimeSeries series, int horizon, int season, boolean floorAtZero) {
        int multiples = (horizon + season - 1) / season;
        Optional<EmpiricalQuantileFunction[]> errors = SeasonalErrors.distributions(series, season, multiples);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        int last = series.length() - 1;
        List<QuantileFunction> steps = new ArrayList<>(horizon);
        for (int h = 1; h <= horizon; h++) {
            int multiple = (h + season - 1) / season;
            double point = series.value(pointIndex(last, h, season));
            QuantileFunction step = errors.get()[multiple - 1].shifted(point);
            steps.add(floorAtZero ? FlooredQuantileFunction.atZero(step) : step);
        }
        return Optional.of(new SeriesForecast(series.id(), series.frequency(), series.end(), steps, null));
    }

    /** Index of the value repeated at step h after the last index: T + h − m·⌈h/m⌉. */
    static int pointIndex(int last, int h, int season) {
        int multiple = (h + season - 1) / season;
        return last + h - season * multiple;
    }
}
