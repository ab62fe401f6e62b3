package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.qfl.stdlib.dist.LevelGridQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;

/**
 * The conventional multi-quantile head (MQ-CNN style): one independent output per trained level,
 * trained on the pinball loss averaged over the levels. Nothing ties the outputs together, so they
 * can cross; the {@code crossing} metric reports how often.
 */
final class QuantregHead implements UnivariateHead {
    private final double[] levels;
    private final ConstantCache constants = new ConstantCache();

    QuantregHead(double[] levels) {
        this.levels = levels.clone();
    }

    @Override
    public int outputsPerStep() {
        return levels.length;
    }

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        NDManager m = raw.getManager();
        NDArray alpha = constants.vector(m, "levels", () -> {
            float[] v = new float[levels.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) levels[i];
            }
            return v;
        });
        NDArray u = target.expandDims(-1).sub(raw);                 // y − q, (B, H, Q)
        NDArray below = u.lt(0).toType(u.getDataType(), false);      // 1 where y < q
        // 2·ρ_α(u) = 2·u·(α − 1{u < 0}), averaged over levels
        NDArray pinball = u.mul(alpha.sub(below)).mul(constants.scalar(m, 2.0 / levels.length)).sum(new int[] {-1});
        return HeadMath.maskedMean(pinball, mask);
    }

    @Override
    public QuantileFunction distribution(float[] raw, int offset, double location, double scale) {
        double[] values = new double[levels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = location + raw[offset + i] * scale;
        }
        return new LevelGridQuantileFunction(levels, values);
    }
}
