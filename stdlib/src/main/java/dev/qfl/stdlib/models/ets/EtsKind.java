package dev.qfl.stdlib.models.ets;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.models.local.LocalKind;
import dev.qfl.stdlib.models.local.SeriesFitter;
import java.util.List;
import java.util.Map;

/**
 * {@code ets(series, horizon:, season:, model:)}: exponential smoothing in its innovations
 * state-space form, fitted to each series by maximum likelihood, the form chosen by AICc unless
 * {@code form} names one ({@code model} is a keyword of the
 * language, so the option R calls {@code model} is {@code form} here). See docs/models/ets.md.
 */
public final class EtsKind extends LocalKind {
    public static final String NAME = "ets";

    public EtsKind() {
        super(List.of(new OptionSpec("form", OptionType.STRING, false, "auto", null, null, null, List.of(),
                "\"auto\" (chosen per series by AICc) or a code of error, trend and season such as \"ANN\", \"AAdN\", \"MAM\"")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "exponential smoothing (error, trend, season) per series by maximum likelihood; form chosen by AICc";
    }

    @Override
    protected void validate(Map<String, Object> resolved) {
        options((String) resolved.get("form")); // throws with the reason when the code is not a model
    }

    private static EtsOptions options(String model) {
        EtsOptions d = EtsOptions.defaults();
        return new EtsOptions(model, d.damped(), d.allowMultiplicative(), d.maxEvaluations());
    }

    /** Three points at least; shorter series have nothing to smooth (seasonal forms need two seasons, else they drop the season). */
    @Override
    public int minimumLength(ModelSpec spec) {
        return 3;
    }

    @Override
    protected SeriesFitter fitter() {
        return (values, season, spec) -> Ets.fit(values, season, options(spec.stringOption("form")));
    }
}
