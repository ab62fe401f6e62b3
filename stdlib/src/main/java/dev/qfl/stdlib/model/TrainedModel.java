package dev.qfl.stdlib.model;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A fitted model. Forecasting is a pure function of the model's parameters and each series'
 * recent history, so one call serves every query against the model.
 */
public interface TrainedModel {

    ModelSpec spec();

    TrainingSummary summary();

    /**
     * One line on what the fit did, for messages and {@code :describe}; models that choose a form
     * per series (ets, arima, auto) add what they chose.
     */
    default String describe() {
        return summary().describe();
    }

    /**
     * What the model chose for each series it was fitted on, by series id (e.g. {@code ETS(A,Ad,N)},
     * or auto's weights); empty for models with one form for all series. Answers carry it in their
     * provenance.
     */
    default java.util.Map<String, String> choices() {
        return java.util.Map.of();
    }

    /**
     * One batched inference over the panel: the next {@code horizon} steps after each series' last
     * observation. Series the model cannot forecast are listed in {@link ForecastSet#skipped()}.
     *
     * @param name the model's declared name, carried into the result
     */
    ForecastSet forecast(String name, Panel panel, FitContext context);

    /** Whether {@link #writeParameters} is supported (neural models: yes; cheap baselines: no). */
    default boolean persistable() {
        return false;
    }

    /** Writes the learned parameters; {@link ModelKind#readParameters} reads them back. */
    default void writeParameters(OutputStream out) throws IOException {
        throw new UnsupportedOperationException(spec().kind() + " has no parameters to save");
    }
}
