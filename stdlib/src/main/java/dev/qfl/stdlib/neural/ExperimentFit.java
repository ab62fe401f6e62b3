package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainingSummary;

/**
 * For the experiments: fit a model, forecast the panel it was fitted on, and release the model's
 * native memory. With {@code -Dqfl.bench.verbose=true} each fit's summary goes to stderr.
 *
 * @param forecast the forecast from each series' last observation
 * @param summary  how training went
 */
record ExperimentFit(ForecastSet forecast, TrainingSummary summary) {

    static ExperimentFit run(NeuralKind kind, Panel panel, ModelSpec spec, String label) {
        try (NeuralModel model = (NeuralModel) kind.fit(panel, spec, FitContext.silent(label))) {
            if (Boolean.getBoolean("qfl.bench.verbose")) {
                System.err.println(label + ": " + model.summary().describe());
            }
            return new ExperimentFit(model.forecast(label, panel, FitContext.silent(label)), model.summary());
        }
    }
}
