package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.evaluation.Backtest;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionDefaults;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto}: backtests candidate models on each series' own history (rolling origins inside the
 * training data, never after it), then forecasts each series with the level-by-level average of its
 * best few candidates. See docs/models/auto.md for the defaults and the figures that chose them.
 */
public final class AutoKind implements ModelKind {
    public static final String NAME = "auto";

    /**
     * The default candidates. The seasonal naive was never chosen on the development set or the
     * three panels once rankings are pooled, and iqf loses to all three (docs/models/auto.md), so
     * both are left to be named; without them every candidate has sample paths and auto answers
     * joint questions.
     */
    static final List<String> DEFAULT_CANDIDATES = List.of("ets", "theta", "arima");

    private final Map<String, ModelKind> available;
    private final List<OptionSpec> options;

    /** @param kinds the kinds auto may combine (joint-only and combining kinds are left out) */
    public AutoKind(List<ModelKind> kinds) {
        this.available = new LinkedHashMap<>();
        for (ModelKind k : kinds) {
            if (!k.name().equals(NAME)) {
                available.put(k.name(), k);
            }
        }
        List<String> defaults = DEFAULT_CANDIDATES.stream().filter(available::containsKey).toList();
        this.options = List.of(
                OptionSpec.required("horizon", OptionType.INTEGER, 1, 10_000, "steps to forecast after the last observation"),
                OptionSpec.integer("season", null, 1, 10_000, "seasonal period in steps, passed to every candidate that takes one")
                        .derivedDefault("the data's usual season: 24 hourly, 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly"),
                new OptionSpec("candidates", OptionType.NAMES, false, defaults, null, null, null,
                        List.copyOf(available.keySet()), "the model kinds to choose from"),
                OptionSpec.integer("windows", 2, 1, 20, "validation windows of one horizon each, cut from the end of the training data"),
                OptionSpec.integer("top", 1, 1, 20, "how many of a series' best-ranked candidates are averaged"),
                OptionSpec.number("pooling", 0.75, 0, 1, "how much a series' ranking leans on the whole panel's "
                        + "backtest: 0 = its own windows alone, 1 = the panel's ranking for every series"));
    }

    /** Joint when every candidate is (then every series' combination has sample paths). */
    @Override
    public boolean joint(Map<String, Object> options) {
        Object given = options.get("candidates");
        List<?> names = given instanceof List<?> l ? l : DEFAULT_CANDIDATES.stream().filter(available::containsKey).toList();
        return !names.isEmpty() && names.stream().allMatch(n -> available.containsKey(n) && available.get(n).joint());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "backtests candidate models on each series and averages the quantile functions of its best few";
    }

    @Override
    public List<OptionSpec> options() {
        return options;
    }

    @Override
    public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
        Map<String, Object> resolved = OptionDefaults.fill(NAME, options, given, frequency);
        List<String> candidates = candidates(new ModelSpec(NAME, resolved));
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(NAME + " needs at least one candidate");
        }
        for (String c : candidates) {
            ModelKind kind = available.get(c);
            if (kind == null) {
                throw new IllegalArgumentException(NAME + " cannot use '" + c + "' as a candidate; it can use "
                        + String.join(", ", available.keySet()));
            }
            candidateSpec(kind, resolved, frequency); // reports a candidate's own objection now, not after fitting others
        }
        return new ModelSpec(NAME, resolved);
    }

    @SuppressWarnings("unchecked")
    static List<String> candidates(ModelSpec spec) {
        return (List<String>) spec.option("candidates").orElse(List.of());
    }

    private static ModelSpec candidateSpec(ModelKind kind, Map<String, Object> autoOptions, Frequency frequency) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("horizon", autoOptions.get("horizon"));
        if (kind.options().stream().anyMatch(o -> o.name().equals("season"))) {
            given.put("season", autoOptions.get("season"));
        }
        return kind.resolve(given, frequency);
    }

    @Override
    public int minimumLength(ModelSpec spec) {
        int least = Integer.MAX_VALUE;
        for (String c : candidates(spec)) {
            ModelKind kind = available.get(c);
            least = Math.min(least, kind.minimumLength(candidateSpec(kind, spec.options(), null)));
        }
        return least == Integer.MAX_VALUE ? 1 : least;
    }

    /** Auto's choice is worth caching: a re-run skips the backtest and refits only the chosen candidates. */
    @Override
    public boolean cached() {
        return true;
    }

    @Override
    public TrainedModel readParameters(ModelSpec spec, TrainingSummary summary, InputStream in) throws IOException {
        List<String> names = candidates(spec);
        List<ModelKind> kinds = new ArrayList<>();
        List<ModelSpec> specs = new ArrayList<>();
        for (String name : names) {
            ModelKind kind = available.get(name);
            if (kind == null) {
                throw new IOException("it chose among candidates that include '" + name + "', which this QFL does not know");
            }
            kinds.add(kind);
            try {
                specs.add(candidateSpec(kind, spec.options(), null));
            } catch (IllegalArgumentException e) {
                throw new IOException("its options do not make a " + name + " model: " + e.getMessage(), e);
            }
        }
        byte[] bytes = in.readAllBytes();
        CandidateWeights weights = AutoChoiceFile.read(names, new ByteArrayInputStream(bytes), bytes.length);
        return new AutoModel(spec, summary, kinds, specs, weights);
    }

    @Override
    public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
        long start = System.nanoTime();
        List<String> names = candidates(spec);
        List<ModelKind> kinds = names.stream().map(available::get).toList();
        List<ModelSpec> specs = kinds.stream().map(k -> candidateSpec(k, spec.options(), panel.frequency())).toList();
        int horizon = spec.horizon();
        int windows = spec.intOption("windows");
        CandidateScores scores = new CandidateScores(kinds.size());
        context.reporter().info(NAME + ": backtesting " + String.join(", ", names) + " on " + windows + " window"
                + (windows == 1 ? "" : "s") + " of " + horizon + " steps per series");
        for (Backtest.Window w : Backtest.windows(panel, horizon, windows, horizon, spec.intOption("season"))) {
            for (int c = 0; c < kinds.size(); c++) {
                context.checkCancelled();
                TrainedModel model = kinds.get(c).fit(w.train(), specs.get(c), context);
                try {
                    scores.add(c, model.forecast(names.get(c), w.train(), context), w, panel.support());
                } finally {
                    AutoModel.close(model);
                }
            }
        }
        CandidateWeights weights = CandidateWeights.choose(panel, scores, names, spec.intOption("top"),
                spec.numberOption("pooling"));
        AutoModel model = new AutoModel(spec, null, kinds, specs, weights);
        model.prepare(panel, context);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return model.withSummary(TrainingSummary.instant(panel.series().size(), elapsed));
    }
}
