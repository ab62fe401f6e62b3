package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.model.ModelSpec;

/** Fits one statistical model to one series, given the kind's resolved options. */
@FunctionalInterface
public interface SeriesFitter {

    /**
     * @param values the series' values, oldest first, complete (gaps already interpolated)
     * @param season the seasonal period in steps (1 for none)
     * @param spec   the model's resolved options
     * @throws IllegalArgumentException with a user-facing sentence when this series cannot take the model
     */
    SeriesFit fit(double[] values, int season, ModelSpec spec);

    /**
     * Fits series {@code series} of {@code panel}: models that take covariates as regressors
     * (arima) read them here; the others fit the values alone.
     */
    default SeriesFit fit(dev.qfl.stdlib.data.Panel panel, dev.qfl.stdlib.data.TimeSeries series, double[] values,
                          int season, ModelSpec spec) {
        return fit(values, season, spec);
    }
}
