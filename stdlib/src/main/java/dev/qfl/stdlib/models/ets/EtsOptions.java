package dev.qfl.stdlib.models.ets;

/**
 * How {@link Ets#fit} chooses and fits an ETS model.
 *
 * @param model              {@code "auto"} (search the usual model set and keep the lowest AICc, like R's
 *                           {@code ets(y)}) or a code of error, trend and season letters: error {@code A|M|Z},
 *                           trend {@code N|A|Ad|Z}, season {@code N|A|M|Z}, e.g. {@code "ANN"}, {@code "AAdN"},
 *                           {@code "MAM"}, {@code "AAdA"}; {@code Z} lets that component be chosen ({@code "auto"}
 *                           is {@code "ZZZ"}). Case does not matter.
 * @param damped             whether the search may use damped trends (only matters where the trend is chosen,
 *                           i.e. {@code Z}); a code with {@code Ad} is always damped
 * @param allowMultiplicative whether the search may use multiplicative error and season (they are still used only
 *                           when every value is positive)
 * @param maxEvaluations     cap on likelihood evaluations per Nelder–Mead fit (R uses 2000)
 */
public record EtsOptions(String model, boolean damped, boolean allowMultiplicative, int maxEvaluations) {

    public EtsOptions {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("ets form must be \"auto\" or a code such as \"AAdN\"");
        }
        EtsModelCode.parse(model); // an unknown code fails here, with the reason, before any fitting
        if (maxEvaluations < 10) {
            throw new IllegalArgumentException("ets needs at least 10 optimiser evaluations; got " + maxEvaluations);
        }
    }

    /** Automatic choice, damped trends allowed, multiplicative components allowed, 2000 evaluations. */
    public static EtsOptions defaults() {
        return new EtsOptions("auto", true, true, 2000);
    }

    /** These options with another model code. */
    public EtsOptions withModel(String code) {
        return new EtsOptions(code, damped, allowMultiplicative, maxEvaluations);
    }
}
