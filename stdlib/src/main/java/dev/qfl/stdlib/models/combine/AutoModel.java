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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fitted {@code auto} model: every candidate fitted on the whole training data, and per series
 * the weights its backtest gave them. Forecasting combines the candidates' forecasts series by series.
 *
 * @param spec       resolved options
 * @param summary    what the fit did
 * @param candidates candidate names
 * @param members    the candidates fitted on all of the training data, in candidate order
 * @param weights    the per-series weights
 */
public record AutoModel(ModelSpec spec, TrainingSummary summary, List<String> candidates, List<TrainedModel> members,
                        CandidateWeights weights) implements TrainedModel, AutoCloseable {

    AutoModel withSummary(TrainingSummary s) {
        return new AutoModel(spec, s, candidates, members, weights);
    }

    @Override
    public String describe() {
        return summary.describe() + "; " + weights.describe();
    }

    /** Per series, its candidates with their weights, e.g. "arima 0.5 + ets 0.5". */
    @Override
    public Map<String, String> choices() {
        Map<String, String> out = new TreeMap<>();
        weights.weights().forEach((id, w) -> {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < w.length; c++) {
                if (w[c] > 0) {
                    sb.append(sb.length() == 0 ? "" : " + ").append(candidates.get(c))
                            .append(String.format(Locale.ROOT, " %.3g", w[c]));
                }
            }
            out.put(id, sb.toString());
        });
        return out;
    }

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        List<ForecastSet> sets = new ArrayList<>();
        for (int c = 0; c < members.size(); c++) {
            context.checkCancelled();
            sets.add(members.get(c).forecast(candidates.get(c), panel, context));
        }
        List<String> ids = panel.series().stream().map(TimeSeries::id).toList();
        return Combination.all(name, spec.horizon(), ids, sets, weights.weights(), weights.fallback());
    }

    @Override
    public void close() {
        members.forEach(AutoModel::close);
    }

    static void close(TrainedModel model) {
        if (model instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release a candidate model: " + e.getMessage(), e);
            }
        }
    }
}
