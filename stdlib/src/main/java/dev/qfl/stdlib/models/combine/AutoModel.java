package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fitted {@code auto} model: per series, the weights its backtest gave the candidates. What is
 * costly about auto is the backtest that chose them, so that choice is what the model keeps and what
 * its file holds ({@link AutoChoiceFile}); the candidates themselves are fitted on the data being
 * forecast, each only on the series that give it weight (a series leaning on arima alone is never
 * fitted by ets and theta), the first time that data is forecast.
 */
public final class AutoModel implements TrainedModel, AutoCloseable {
    private final ModelSpec spec;
    private final TrainingSummary summary;
    private final List<ModelKind> kinds;
    private final List<ModelSpec> candidateSpecs;
    private final CandidateWeights weights;
    /** The candidates fitted on the panel forecast last (a loaded model may be used on other data). */
    private Members members;

    /** Candidates fitted on one panel; {@code models.get(c)} is null when no series weighs candidate c. */
    private record Members(String fingerprint, List<TrainedModel> models) {
    }

    AutoModel(ModelSpec spec, TrainingSummary summary, List<ModelKind> kinds, List<ModelSpec> candidateSpecs,
              CandidateWeights weights) {
        this.spec = spec;
        this.summary = summary;
        this.kinds = List.copyOf(kinds);
        this.candidateSpecs = List.copyOf(candidateSpecs);
        this.weights = weights;
    }

    /** This model with its summary; the candidates fitted so far are handed over, not refitted. */
    synchronized AutoModel withSummary(TrainingSummary s) {
        AutoModel copy = new AutoModel(spec, s, kinds, candidateSpecs, weights);
        copy.members = members;
        members = null;
        return copy;
    }

    /** Fits the candidates on {@code panel} now (part of fitting, so its time and progress belong to the fit). */
    void prepare(Panel panel, FitContext context) {
        membersFor(panel, context);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    CandidateWeights weights() {
        return weights;
    }

    List<String> candidates() {
        return weights.candidates();
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
                    sb.append(sb.length() == 0 ? "" : " + ").append(candidates().get(c))
                            .append(String.format(Locale.ROOT, " %.3g", w[c]));
                }
            }
            out.put(id, sb.toString());
        });
        return out;
    }

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        List<TrainedModel> fitted = membersFor(panel, context);
        List<ForecastSet> sets = new ArrayList<>();
        for (int c = 0; c < fitted.size(); c++) {
            context.checkCancelled();
            TrainedModel m = fitted.get(c);
            sets.add(m == null ? new ForecastSet(candidates().get(c), spec.horizon(), List.of(), List.of())
                    : m.forecast(candidates().get(c), panel, context));
        }
        List<String> ids = panel.series().stream().map(TimeSeries::id).toList();
        return Combination.all(name, spec.horizon(), ids, sets, weights.weights(), weights.fallback());
    }

    /** The candidates fitted on {@code panel}: reused when it is the panel fitted last, else fitted now. */
    private synchronized List<TrainedModel> membersFor(Panel panel, FitContext context) {
        if (members != null && members.fingerprint().equals(panel.fingerprint())) {
            return members.models();
        }
        List<TrainedModel> fitted = new ArrayList<>();
        try {
            for (int c = 0; c < kinds.size(); c++) {
                context.checkCancelled();
                Panel part = seriesWeighing(panel, c);
                fitted.add(part.series().isEmpty() ? null : kinds.get(c).fit(part, candidateSpecs.get(c), context));
            }
        } catch (RuntimeException e) {
            fitted.forEach(AutoModel::close);
            throw e;
        }
        if (members != null) {
            members.models().forEach(AutoModel::close);
        }
        members = new Members(panel.fingerprint(), java.util.Collections.unmodifiableList(fitted));
        return fitted;
    }

    /** The series of {@code panel} whose weights (or the fallback's, for series the backtest never saw) use candidate c. */
    private Panel seriesWeighing(Panel panel, int candidate) {
        List<TimeSeries> used = panel.series().stream()
                .filter(s -> weights.weights().getOrDefault(s.id(), weights.fallback())[candidate] > 0)
                .toList();
        return used.size() == panel.series().size() ? panel
                : panel.withSeries(used, "|auto:" + candidates().get(candidate));
    }

    /** The choice is what is worth keeping: the candidates refit in seconds, the backtest takes minutes. */
    @Override
    public boolean persistable() {
        return true;
    }

    @Override
    public void writeParameters(OutputStream out) throws IOException {
        AutoChoiceFile.write(weights, out);
    }

    @Override
    public synchronized void close() {
        if (members != null) {
            members.models().forEach(AutoModel::close);
            members = null;
        }
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
