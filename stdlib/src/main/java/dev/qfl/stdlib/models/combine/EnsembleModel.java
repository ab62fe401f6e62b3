package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted ensemble: its members' forecasts combined with the same weights on every series.
 *
 * @param spec        resolved options
 * @param summary     what the fit did
 * @param names       the members' declared names
 * @param members     the fitted members
 * @param weights     normalised weights, one per member
 * @param ownsMembers whether {@link #close} releases the members
 */
public record EnsembleModel(ModelSpec spec, TrainingSummary summary, List<String> names, List<TrainedModel> members,
                            double[] weights, boolean ownsMembers) implements TrainedModel, AutoCloseable {

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        List<ForecastSet> sets = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            context.checkCancelled();
            sets.add(members.get(i).forecast(names.get(i), panel, context));
        }
        List<String> ids = panel.series().stream().map(TimeSeries::id).toList();
        return Combination.all(name, spec.horizon(), ids, sets, Map.of(), weights);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(summary.describe()).append("; ");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : " + ").append(String.format(java.util.Locale.ROOT, "%.3g", weights[i]))
                    .append(" × ").append(names.get(i));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (ownsMembers) {
            members.forEach(AutoModel::close);
        }
    }
}
