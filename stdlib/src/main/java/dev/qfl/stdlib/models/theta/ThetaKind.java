package dev.qfl.stdlib.models.theta;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.models.local.LocalKind;
import dev.qfl.stdlib.models.local.SeriesFitter;
import java.util.List;
import java.util.Map;

/**
 * {@code theta(series, horizon:, season:, variant:)}: the theta method in its state-space form
 * (standard, optimised, and their dynamic versions), on seasonally adjusted data when the series
 * is seasonal. See docs/models/theta.md.
 */
public final class ThetaKind extends LocalKind {
    public static final String NAME = "theta";

    public ThetaKind() {
        super(List.of(new OptionSpec("variant", OptionType.STRING, false, "auto", null, null, null, List.of(),
                "\"auto\" (the variant with the best in-sample fit) or one of \"STM\", \"OTM\", \"DSTM\", \"DOTM\"")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the theta method per series (standard, optimised, dynamic), with seasonal adjustment";
    }

    @Override
    protected void validate(Map<String, Object> resolved) {
        options((String) resolved.get("variant"));
    }

    private static ThetaOptions options(String variant) {
        ThetaOptions d = ThetaOptions.defaults();
        return new ThetaOptions(variant, d.decomposition(), d.estimation());
    }

    @Override
    public int minimumLength(ModelSpec spec) {
        return Theta.MINIMUM_LENGTH;
    }

    @Override
    protected SeriesFitter fitter() {
        return (values, season, spec) -> Theta.fit(values, season, options(spec.stringOption("variant")));
    }
}
