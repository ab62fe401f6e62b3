package dev.qfl.stdlib.models.theta;

/**
 * How {@link Theta#fit} fits a series.
 *
 * @param variant       {@code "auto"} (default: fit STM, OTM, DSTM and DOTM and keep the one with the
 *                      smallest in-sample one-step MSE, as statsforecast's AutoTheta does), or one of
 *                      {@code "STM"}, {@code "OTM"}, {@code "DSTM"}, {@code "DOTM"} to fit only that
 *                      model (see {@link ThetaVariant})
 * @param decomposition seasonal adjustment applied before the theta model when the series is
 *                      seasonal: {@code "multiplicative"} (default; classical decomposition, as
 *                      forecast::thetaf and statsforecast), {@code "additive"}, or {@code "none"} to
 *                      never adjust. Multiplicative adjustment silently becomes additive when the
 *                      series has a zero or negative value, or when a seasonal index falls below
 *                      0.01 (a ratio that small would blow up the adjusted series)
 * @param estimation    {@code "model"} (default): (ℓ0, α, θ) minimise the mean squared one-step error
 *                      of the theta model itself after a burn-in of 3 points, which is its Gaussian
 *                      maximum likelihood (Fiorucci et al. 2016, statsforecast). {@code "ses"}:
 *                      reproduce R's {@code forecast::thetaf}: (ℓ0, α) are those of simple
 *                      exponential smoothing fitted alone (all points, α in [0.0001, 0.9999]), the
 *                      drift is half the least-squares slope, the seasonal test needs n &gt; 2m,
 *                      and only the standard model exists (variant must be "auto" or "STM")
 */
public record ThetaOptions(String variant, String decomposition, String estimation) {

    public static final String AUTO = "auto";
    public static final String MULTIPLICATIVE = "multiplicative";
    public static final String ADDITIVE = "additive";
    public static final String NONE = "none";
    public static final String MODEL = "model";
    public static final String SES = "ses";

    public ThetaOptions {
        variant = canonicalVariant(variant);
        decomposition = oneOf("decomposition", decomposition, MULTIPLICATIVE, ADDITIVE, NONE);
        estimation = oneOf("estimation", estimation, MODEL, SES);
        if (estimation.equals(SES) && !(variant.equals(AUTO) || variant.equals("STM"))) {
            throw new IllegalArgumentException("theta estimation \"ses\" (forecast::thetaf) only has the standard model;"
                    + " use variant \"STM\" or \"auto\", not \"" + variant + "\"");
        }
    }

    /** auto selection, multiplicative decomposition when seasonal, model-based estimation. */
    public static ThetaOptions defaults() {
        return new ThetaOptions(AUTO, MULTIPLICATIVE, MODEL);
    }

    /** These options with another variant. */
    public ThetaOptions withVariant(String newVariant) {
        return new ThetaOptions(newVariant, decomposition, estimation);
    }

    /** These options with another decomposition. */
    public ThetaOptions withDecomposition(String newDecomposition) {
        return new ThetaOptions(variant, newDecomposition, estimation);
    }

    /** These options with another estimation. */
    public ThetaOptions withEstimation(String newEstimation) {
        return new ThetaOptions(variant, decomposition, newEstimation);
    }

    /** The single variant asked for, or null for automatic selection. */
    ThetaVariant requestedVariant() {
        return variant.equals(AUTO) ? null : ThetaVariant.valueOf(variant);
    }

    private static String canonicalVariant(String value) {
        if (value == null) {
            return AUTO;
        }
        if (value.equalsIgnoreCase(AUTO)) {
            return AUTO;
        }
        for (ThetaVariant v : ThetaVariant.values()) {
            if (v.name().equalsIgnoreCase(value)) {
                return v.name();
            }
        }
        throw new IllegalArgumentException("theta variant must be one of auto, STM, OTM, DSTM, DOTM; got \"" + value + "\"");
    }

    private static String oneOf(String what, String value, String... allowed) {
        if (value == null) {
            return allowed[0];
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("theta " + what + " must be one of " + String.join(", ", allowed)
                + "; got \"" + value + "\"");
    }
}
