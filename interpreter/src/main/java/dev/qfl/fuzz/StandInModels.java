package dev.qfl.fuzz;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.models.naive.SeasonalNaiveKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fuzzer's seam for running scripts without training: a registry in which every kind keeps
 * its name, options, option resolution, minimum series length and joint-ness (so checking,
 * planning and the run's bookkeeping see exactly the real kind), but is fitted as a seasonal
 * naive model of the same horizon, in milliseconds, with no tensor engine and no model cache.
 *
 * <p>Why this and not "run only the scripts whose models are seasonal naive": every example
 * script, with all its queries, exports, plots, backtests and ensembles, then runs end to end, and
 * only the numerical training of the other kinds is left out; that has fuzz tests of its own in
 * the standard library (extreme data, NaN losses).
 */
public final class StandInModels {
    private StandInModels() {
    }

    /** {@code real}'s kinds, each fitted as a seasonal naive model. */
    public static ModelRegistry of(ModelRegistry real) {
        SeasonalNaiveKind naive = new SeasonalNaiveKind();
        return ModelRegistry.of(real.all().stream().map(k -> (ModelKind) new StandIn(k, naive)).toList());
    }

    /** A kind that is checked and resolved as {@code real} and fitted as {@code naive}. */
    private record StandIn(ModelKind real, SeasonalNaiveKind naive) implements ModelKind {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public String summary() {
            return real.summary();
        }

        @Override
        public List<OptionSpec> options() {
            return real.options();
        }

        @Override
        public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
            return real.resolve(given, frequency);
        }

        @Override
        public int minimumLength(ModelSpec spec) {
            return real.minimumLength(spec);
        }

        @Override
        public boolean joint() {
            return real.joint();
        }

        @Override
        public boolean usesCovariates() {
            return real.usesCovariates();
        }

        @Override
        public boolean joint(Map<String, Object> options) {
            return real.joint(options);
        }

        @Override
        public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("horizon", spec.horizon());
            if (panel.frequency() == null) {
                options.put("season", 1);
            }
            return naive.fit(panel, naive.resolve(options, panel.frequency()), context);
        }
    }
}
