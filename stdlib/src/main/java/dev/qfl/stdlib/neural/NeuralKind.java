package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every neural model kind shares: the training options, their defaults, and fitting or
 * loading through the common pipeline. A kind adds its head's options and builds its head.
 * Describing a kind touches no tensor code; the engine starts only in fit and readParameters.
 */
abstract class NeuralKind implements ModelKind {
    /** Ensemble members unless a kind measured otherwise (iqf: 3, docs/models/iqf.md). */
    static final int DEFAULT_ENSEMBLE = 1;

    /** The shared options, in the order help lists them. */
    static final List<OptionSpec> TRAINING = List.of(
            OptionSpec.required("horizon", OptionType.INTEGER, 1, 1000, "steps to forecast"),
            OptionSpec.integer("context", null, 1, 5000, "past steps the encoder sees")
                    .derivedDefault("2 seasons or 2 horizons, at most half the typical series"),
            OptionSpec.integer("season", null, 1, 10_000, "seasonal period in steps: each forecast step sees "
                    + "the value one season back").derivedDefault("from the frequency"),
            OptionSpec.integer("epochs", 30, 1, 100_000, "maximum training epochs"),
            OptionSpec.integer("batch", 256, 1, 65_536, "windows per training step"),
            OptionSpec.integer("hidden", 64, 1, 4096, "hidden units per layer"),
            OptionSpec.integer("layers", 2, 1, 16, "encoder layers"),
            OptionSpec.number("lr", 0.001, 1e-7, 1.0, "Adam learning rate"),
            OptionSpec.integer("seed", 0, 0, Integer.MAX_VALUE, "seed of weights and window sampling"),
            OptionSpec.symbol("device", "auto", List.of("auto", "cpu", "gpu"), "where to train"),
            OptionSpec.symbol("encoder", "mlp", List.of("mlp", "lstm"), "the encoder network"),
            new OptionSpec("max_time", OptionType.DURATION, false, null, "none", null, null, List.of(),
                    "wall-time bound of a fit, e.g. 10m"),
            OptionSpec.integer("ensemble", DEFAULT_ENSEMBLE, 1, 100,
                    "members trained with different seeds, combined as combine says"),
            new OptionSpec("refit", OptionType.BOOLEAN, false, true, null, null, null, List.of(),
                    "after choosing the epoch count on held-out windows, train again on all data"),
            OptionSpec.symbol("centre", "last", List.of("last", "mean", "smoothing"),
                    "what each window is centred on: the context's last value, its mean, or exponential "
                    + "smoothing states (level, trend, season)"),
            OptionSpec.symbol("vary", "seed", List.of("seed", "context"),
                    "what ensemble members differ by: their seed, or also their context length (1, 1/2, 3/2, "
                    + "3/4 and 5/4 times the chosen one)"),
            OptionSpec.symbol("counts", "off", List.of("auto", "off"),
                    "auto: a panel of non-negative whole numbers trains and answers as counts (whole-number "
                    + "answers, and intermittent series' chance of zero from their recent zeros)"),
            OptionSpec.symbol("combine", "average", List.of("mixture", "average"),
                    "how ensemble members combine: mixture (their probabilities averaged, wider where they "
                    + "disagree) or average (their quantiles averaged level by level); joint paths are always "
                    + "averaged"));

    /** Shared options listed before the head's own (horizon, context, season). */
    private static final int LEADING = 3;

    /** The head's own options (knots, levels, pieces, ...). */
    abstract List<OptionSpec> headOptions();

    /** The head a resolved spec describes. */
    abstract Head head(ModelSpec spec);

    /** Training defaults this kind sets differently (e.g. a smaller batch), by option name. */
    Map<String, Object> defaultOverrides() {
        return Map.of();
    }

    /** Adjusts resolved options after defaults are filled (e.g. explicit levels replace knots). */
    void adjust(Map<String, Object> options) {
    }

    @Override
    public final List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(TRAINING.subList(0, LEADING));
        all.addAll(headOptions());
        all.addAll(TRAINING.subList(LEADING, TRAINING.size()));
        Map<String, Object> overrides = defaultOverrides();
        all.replaceAll(o -> overrides.containsKey(o.name()) ? new OptionSpec(o.name(), o.type(), o.required(),
                overrides.get(o.name()), o.defaultNote(), o.min(), o.max(), o.choices(), o.help()) : o);
        return List.copyOf(all);
    }

    @Override
    public final boolean neural() {
        return true;
    }

    /** Every neural kind feeds the covariates to the network (CovariateFeatures). */
    @Override
    public final boolean usesCovariates() {
        return true;
    }

    @Override
    public final ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
        Map<String, Object> out = new HashMap<>();
        for (OptionSpec o : options()) {
            if (o.defaultValue() != null) {
                out.put(o.name(), o.defaultValue());
            }
        }
        out.putAll(given);
        if (!(out.get("horizon") instanceof Integer)) {
            throw new IllegalArgumentException(name() + " needs a horizon");
        }
        // the context stays unset unless given: the fit chooses it from the data and saves it with the model
        out.putIfAbsent("season", frequency.defaultSeason());
        adjust(out);
        // the calendar features, and so the network's input, depend on the frequency
        out.put("frequency", frequency.keyword());
        return new ModelSpec(name(), out);
    }

    @Override
    public int minimumLength(ModelSpec spec) {
        return 1;   // shorter series are padded and masked, so even new series get forecasts
    }

    @Override
    public final TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
        return NeuralTrainer.fit(panel, spec, () -> head(spec), context);
    }

    @Override
    public final TrainedModel readParameters(ModelSpec spec, TrainingSummary summary, InputStream in)
            throws IOException {
        return NeuralTrainer.load(spec, () -> head(spec), summary, in);
    }
}
