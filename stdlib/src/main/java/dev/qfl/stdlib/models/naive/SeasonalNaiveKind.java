package dev.qfl.stdlib.models.naive;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code seasonal_naive}: each step repeats the value one season earlier (from the last observed
 * season), and its uncertainty is the spread of the errors that rule made on the same series in
 * the past. There is nothing to train: a fit only resolves the options, and forecasts are computed
 * from each series' own history in milliseconds. See docs/models/seasonal_naive.md.
 */
public final class SeasonalNaiveKind implements ModelKind {
    /** The name scripts use. */
    public static final String NAME = "seasonal_naive";

    static final int MAX_HORIZON = 10_000;
    static final int MAX_SEASON = 10_000;

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.required("horizon", OptionType.INTEGER, 1, MAX_HORIZON, "steps to forecast after the last observation"),
            OptionSpec.integer("season", null, 1, MAX_SEASON, "seasonal period in steps; a step repeats the value this many steps earlier")
                    .derivedDefault("the data's usual season: 24 hourly, 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "repeats the last season; quantiles from the series' own past seasonal-naive errors";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
        for (String key : given.keySet()) {
            if (OPTIONS.stream().noneMatch(o -> o.name().equals(key))) {
                throw new IllegalArgumentException(NAME + " has no option '" + key + "'; it takes horizon and season");
            }
        }
        if (given.get("horizon") == null) {
            throw new IllegalArgumentException(NAME + " needs a horizon, e.g. " + NAME + "(demand, horizon: 14)");
        }
        int horizon = wholeNumber(given, "horizon", MAX_HORIZON);
        int season;
        if (given.get("season") != null) {
            season = wholeNumber(given, "season", MAX_SEASON);
        } else if (frequency != null) {
            season = frequency.defaultSeason();
        } else {
            throw new IllegalArgumentException(NAME + " needs a season when the data's frequency is unknown");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("horizon", horizon);
        options.put("season", season);
        return new ModelSpec(NAME, options);
    }

    private static int wholeNumber(Map<String, Object> given, String name, int max) {
        Object raw = given.get(name);
        if (!(raw instanceof Number number) || !isWhole(number)) {
            throw new IllegalArgumentException(NAME + " option '" + name + "' must be a whole number, got " + raw);
        }
        double value = number.doubleValue();
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(NAME + " option '" + name + "' must lie in 1.." + max + ", got " + raw);
        }
        return (int) value;
    }

    private static boolean isWhole(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d);
    }

    /**
     * max(horizon + 1, season + 1). A season plus one point gives at least one error to learn the
     * spread from, and a horizon plus one keeps a history from being shorter than what it is asked
     * to forecast. Long lag multiples that still have few errors borrow them from shorter ones
     * (see {@link SeasonalErrors}).
     */
    @Override
    public int minimumLength(ModelSpec spec) {
        return Math.max(spec.horizon() + 1, season(spec) + 1);
    }

    static int season(ModelSpec spec) {
        return spec.intOption("season");
    }

    @Override
    public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
        long start = System.nanoTime();
        int minimum = minimumLength(spec);
        int used = (int) panel.series().stream().filter(s -> s.length() >= minimum).count();
        TrainingSummary summary = TrainingSummary.instant(used, Duration.ofNanos(System.nanoTime() - start));
        return new SeasonalNaiveModel(spec, summary, minimum);
    }
}
