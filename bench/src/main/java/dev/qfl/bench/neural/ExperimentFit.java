package dev.qfl.bench.neural;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;

/**
 * For the experiments: fit a model, forecast the panel it was fitted on, and release the model's
 * native memory. With {@code -Dqfl.bench.verbose=true} each fit's summary goes to stderr.
 *
 * @param forecast the forecast from each series' last observation
 * @param summary  how training went
 */
record ExperimentFit(ForecastSet forecast, TrainingSummary summary) {

    static ExperimentFit run(ModelKind kind, Panel panel, ModelSpec spec, String label) {
        TrainedModel model = kind.fit(panel, spec, FitContext.silent(label));
        try {
            if (Boolean.getBoolean("qfl.bench.verbose")) {
                System.err.println(label + ": " + model.summary().describe());
            }
            return new ExperimentFit(model.forecast(label, panel, FitContext.silent(label)), model.summary());
        } finally {
            release(model);
        }
    }

    /** A neural model holds native memory until it is closed; other models hold nothing to release. */
    private static void release(TrainedModel model) {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release the model's memory", e);
            }
        }
    }
}
