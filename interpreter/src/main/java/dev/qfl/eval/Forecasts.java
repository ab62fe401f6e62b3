package dev.qfl.eval;

import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;

/** Language-level guarantees applied to every model's forecasts, whatever the model. */
final class Forecasts {
    private Forecasts() {
    }

    /**
     * Demand is never negative: for non-negative series every marginal is floored at 0 (taking
     * max(0, q) keeps the function monotone). Models that floor already are left as they are.
     */
    static ForecastSet floored(ForecastSet set, Support support) {
        if (support != Support.NONNEGATIVE) {
            return set;
        }
        return new ForecastSet(set.model(), set.horizon(), set.series().stream()
                .map(s -> new SeriesForecast(s.id(), s.frequency(), s.origin(),
                        s.steps().stream().map(FlooredQuantileFunction::atZero).toList(), s.joint()))
                .toList(), set.skipped());
    }
}
