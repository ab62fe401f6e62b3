package dev.qfl.stdlib.neural.mqf2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The energy score (β = 1) of joint forecasts over the horizon, estimated from samples:
 * ES(F, z) = E‖X − z‖ − ½·E‖X − X′‖, with three independent sample sets so the estimate is
 * unbiased: the first term from one set, the pairwise term from all pairs across the other two.
 * It is strictly proper, and in one dimension it equals the CRPS.
 */
public final class EnergyScore {
    /** Keeps the norm's gradient finite where two samples coincide. */
    private static final double EPS = 1e-12;

    private EnergyScore() {
    }

    /**
     * Per window, the estimate in the units of {@code z}.
     *
     * @param z       observations, (batch, P)
     * @param first   samples for E‖X − z‖, (batch, n, P)
     * @param second  samples X for the pairwise term, (batch, n, P)
     * @param third   independent samples X′ for the pairwise term, (batch, n, P)
     * @return (batch)
     */
    public static NDArray estimate(NDArray z, NDArray first, NDArray second, NDArray third) {
        NDManager m = z.getManager();
        NDArray toObservation = norm(first.sub(z.expandDims(1)));                   // (B, n)
        NDArray pairs = norm(second.expandDims(2).sub(third.expandDims(1)));          // (B, n, n)
        NDArray half;
        try (NDArray exact = m.create(0.5)) {
            half = exact.toType(z.getDataType(), true);   // a constant of its own, alive through backward
        }
        return toObservation.mean(new int[] {1}).sub(pairs.mean(new int[] {2}).mean(new int[] {1}).mul(half));
    }

    private static NDArray norm(NDArray v) {
        return v.square().sum(new int[] {-1}).add(EPS).sqrt();
    }
}
