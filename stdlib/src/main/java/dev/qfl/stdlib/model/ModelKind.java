package dev.qfl.stdlib.model;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A family of forecasting models ({@code seasonal_naive}, {@code iqf}, ...): its options, how to
 * fill their defaults, and how to train one. Describing a kind must never load a tensor engine, so
 * the checker and the REPL can use {@link #options()} freely; only {@link #fit} and
 * {@link #readParameters} may.
 */
public interface ModelKind {

    /** Name as written in scripts, e.g. {@code iqf}. */
    String name();

    /** One line for help and docs. */
    String summary();

    /** Every option the kind accepts, {@code horizon} included. */
    List<OptionSpec> options();

    /**
     * Completes type-checked option values with defaults (including derived ones such as
     * {@code context = 4 × horizon}, or a season taken from the data's frequency). Runs once the
     * data is loaded; the checker validates types and ranges beforehand from {@link #options()}.
     *
     * @throws IllegalArgumentException with a user-facing sentence when options contradict each other
     */
    ModelSpec resolve(Map<String, Object> given, Frequency frequency);

    /** Fewest observations a series needs to be forecast; shorter ones are left out with a warning. */
    int minimumLength(ModelSpec spec);

    /** Whether the kind learns the joint distribution over the horizon (answers joint questions). */
    default boolean joint() {
        return false;
    }

    /**
     * Whether a model of this kind with these options (as the script gives them) answers joint
     * questions; for kinds whose answer depends on the options, such as {@code auto} and its
     * candidates.
     */
    default boolean joint(Map<String, Object> options) {
        return joint();
    }

    /** Whether training runs on the tensor engine (and so is worth caching on disk). */
    default boolean neural() {
        return false;
    }

    /**
     * Whether its forecasts read a panel's dynamic covariates (the neural kinds as features, arima as
     * regressors). A what-if question ({@code with promo = 1}) only makes sense for such a kind: any
     * other would answer with the plain forecast.
     */
    default boolean usesCovariates() {
        return false;
    }

    /**
     * Whether a fit is worth keeping in the script's model cache ({@code .qfl/models}), so a re-run
     * with the same options and data loads it instead of fitting again: training on the tensor engine
     * is, and so is a choice made by costly backtests ({@code auto}).
     */
    default boolean cached() {
        return neural();
    }

    /** Trains a model on every long-enough series of the panel. */
    TrainedModel fit(Panel panel, ModelSpec spec, FitContext context);

    /**
     * Rebuilds a trained model from what {@link TrainedModel#writeParameters} wrote.
     *
     * @throws IOException when the bytes are not a model of this kind and spec
     */
    default TrainedModel readParameters(ModelSpec spec, TrainingSummary summary, InputStream in) throws IOException {
        throw new IOException(name() + " models are not saved; they are refitted in milliseconds");
    }
}
