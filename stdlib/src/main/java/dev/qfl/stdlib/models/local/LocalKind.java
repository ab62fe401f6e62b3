package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionDefaults;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every local statistical kind (ets, theta, arima) shares: the options {@code horizon} and
 * {@code season}, option resolution with defaults, and fitting each series on its own, on all
 * cores. A kind adds its own options, checks their values and supplies the per-series fitter.
 */
public abstract class LocalKind implements ModelKind {
    static final int MAX_HORIZON = 10_000;
    static final int MAX_SEASON = 10_000;

    private final List<OptionSpec> options;

    protected LocalKind(List<OptionSpec> ownOptions) {
        List<OptionSpec> all = new ArrayList<>();
        all.add(OptionSpec.required("horizon", OptionType.INTEGER, 1, MAX_HORIZON, "steps to forecast after the last observation"));
        all.add(OptionSpec.integer("season", null, 1, MAX_SEASON, "seasonal period in steps (1: no season)")
                .derivedDefault("the data's usual season: 24 hourly, 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly"));
        all.addAll(ownOptions);
        this.options = List.copyOf(all);
    }

    /** Sample paths are simulated from the fitted model, so they carry its dependence between steps. */
    @Override
    public boolean joint() {
        return true;
    }

    @Override
    public final List<OptionSpec> options() {
        return options;
    }

    /** The per-series fitter, reading this kind's options from the resolved spec. */
    protected abstract SeriesFitter fitter();

    /**
     * Checks the kind's own option values together (the checker has already checked each one's
     * type and range).
     *
     * @throws IllegalArgumentException with a user-facing sentence
     */
    protected void validate(Map<String, Object> resolved) {
    }

    @Override
    public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
        Map<String, Object> resolved = OptionDefaults.fill(name(), options, given, frequency);
        validate(resolved);
        return new ModelSpec(name(), resolved);
    }

    protected static int season(ModelSpec spec) {
        return spec.intOption("season");
    }

    /**
     * Largest magnitude of a value the local models fit. Their likelihoods and variances square
     * the data, and a square beyond about 1e308 is infinite: at 1e300 ets and arima built normal
     * distributions from infinite variances and theta failed inside its fit (internal errors).
     */
    static final double MAX_MAGNITUDE = 1e100;

    @Override
    public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
        requireSquarable(panel);
        return LocalModel.fit(panel, spec, season(spec), minimumLength(spec), fitter(), context);
    }

    private void requireSquarable(Panel panel) {
        for (TimeSeries ts : panel.series()) {
            for (int i = 0; i < ts.length(); i++) {
                if (ts.isObserved(i) && !(Math.abs(ts.value(i)) <= MAX_MAGNITUDE)) {
                    throw new QflException(DiagnosticCode.TOO_LARGE_FOR_STATISTICS, "series " + ts.id() + " of " + panel.name() + " has the value "
                            + ts.value(i) + " at " + ts.timeAt(i) + ", beyond the ±1e100 " + name() + " can fit",
                            null, "rescale the data (divide it by a power of ten), or use seasonal_naive", null);
                }
            }
        }
    }
}
