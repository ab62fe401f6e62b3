package dev.qfl.stdlib.models.ets;

/**
 * Fitted parameters of an ETS model. Smoothing parameters the model does not have are {@code NaN}.
 *
 * @param alpha level smoothing
 * @param beta  slope smoothing (in the error-correction form, so beta &lt;= alpha)
 * @param gamma seasonal smoothing
 * @param phi   damping
 */
public record EtsParameters(double alpha, double beta, double gamma, double phi, double[] initialStateNextFirst) {

    public EtsParameters {
        initialStateNextFirst = initialStateNextFirst.clone();
    }

    /**
     * The initial state {@code [level, slope?, s_0 .. s_{m-1}]}, seasonal terms in the order they are used
     * ({@code s_0} for the first observation). R lists the same seasonal terms in the opposite order.
     */
    @Override
    public double[] initialStateNextFirst() {
        return initialStateNextFirst.clone();
    }
}
