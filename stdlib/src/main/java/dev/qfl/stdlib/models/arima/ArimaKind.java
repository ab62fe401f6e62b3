package dev.qfl.stdlib.models.arima;

import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.models.local.LocalKind;
import dev.qfl.stdlib.models.local.SeriesFit;
import dev.qfl.stdlib.models.local.SeriesFitter;
import java.util.List;
import java.util.Map;

/**
 * {@code arima(series, horizon:, season:, order:, seasonal_order:)}: seasonal ARIMA per series by
 * exact likelihood, the orders chosen per series in the Hyndman–Khandakar way (unit-root tests for
 * the differences, a stepwise search on AICc) unless given. See docs/models/arima.md.
 */
public final class ArimaKind extends LocalKind {
    public static final String NAME = "arima";

    public ArimaKind() {
        super(List.of(
                new OptionSpec("order", OptionType.INTEGERS, false, null, "chosen per series", 0.0, 10.0, List.of(),
                        "[p, d, q]: autoregressive order, differences, moving-average order"),
                new OptionSpec("seasonal_order", OptionType.INTEGERS, false, null, "chosen per series", 0.0, 10.0, List.of(),
                        "[P, D, Q]: the same, one season apart")));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Dynamic covariates and holiday counts are its regressors (ArimaRegression). */
    @Override
    public boolean usesCovariates() {
        return true;
    }

    @Override
    public String summary() {
        return "seasonal ARIMA per series by exact likelihood; orders chosen by unit-root tests and a stepwise AICc search";
    }

    @Override
    protected void validate(Map<String, Object> resolved) {
        options(resolved.get("order"), resolved.get("seasonal_order"));
    }

    private static ArimaOptions options(Object order, Object seasonalOrder) {
        int[] o = triple(order, "order");
        int[] s = triple(seasonalOrder, "seasonal_order");
        if (o == null && s == null) {
            return ArimaOptions.defaults();
        }
        ArimaOptions d = ArimaOptions.defaults();
        return new ArimaOptions(o, s, null, d.maxP(), d.maxQ(), d.maxSeasonalP(), d.maxSeasonalQ(), d.maxOrder(),
                d.maxD(), d.maxSeasonalD(), null);
    }

    private static int[] triple(Object value, String name) {
        if (value == null) {
            return null;
        }
        List<?> list = (List<?>) value;
        if (list.size() != 3) {
            throw new IllegalArgumentException(NAME + " option '" + name + "' takes three whole numbers, e.g. "
                    + name + ": [1, 1, 0]; got " + list.size());
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = ((Number) list.get(i)).intValue();
        }
        return out;
    }

    @Override
    public int minimumLength(ModelSpec spec) {
        return 3;
    }

    @Override
    protected SeriesFitter fitter() {
        return new SeriesFitter() {
            @Override
            public SeriesFit fit(double[] values, int season, ModelSpec spec) {
                return Arima.fit(values, season, options(spec));
            }

            /** With covariates or holidays, a regression with ARIMA errors ({@link ArimaRegression}). */
            @Override
            public SeriesFit fit(Panel panel, TimeSeries series, double[] values, int season, ModelSpec spec) {
                return ArimaRegression.applies(panel)
                        ? ArimaRegression.fit(panel, series, values, season, spec.horizon(), options(spec))
                        : fit(values, season, spec);
            }
        };
    }

    private static ArimaOptions options(ModelSpec spec) {
        return options(spec.option("order").orElse(null), spec.option("seasonal_order").orElse(null));
    }
}
