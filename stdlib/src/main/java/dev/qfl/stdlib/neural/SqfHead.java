package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.dist.SplineQuantileFunction;

/**
 * The SQF head: γ, L slopes (softplus + 10⁻⁴) and L knot spacings (softmax) per step, trained on
 * the closed-form CRPS of the spline quantile function.
 */
final class SqfHead implements UnivariateHead {
    static final double MIN_SLOPE = 1e-4;
    private final int pieces;
    private final ConstantCache constants = new ConstantCache();

    SqfHead(int pieces) {
        this.pieces = pieces;
    }

    @Override
    public int outputsPerStep() {
        return 1 + 2 * pieces;
    }

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        return HeadMath.maskedMean(crps(raw, target), mask);
    }

    /** CRPS per (window, step) in scaled units, the closed form written as tensor operations. */
    NDArray crps(NDArray raw, NDArray z) {
        NDManager m = raw.getManager();
        int n = pieces;
        NDArray gamma = raw.get("..., 0");
        NDArray slope = HeadMath.positive(raw.get("..., 1:" + (1 + n)), MIN_SLOPE);
        NDArray spacing = raw.get("..., " + (1 + n) + ":" + (1 + 2 * n)).softmax(-1);
        NDArray knots = spacing.cumSum(-1).sub(spacing);                      // d_l, exclusive sums
        NDArray values = slope.mul(spacing).cumSum(-1).sub(slope.mul(spacing)).add(gamma.expandDims(-1));
        NDArray zz = z.expandDims(-1);
        NDArray below = values.lt(zz).toType(values.getDataType(), false);   // knots under z
        // b_0 = m_0, b_l = m_l − m_{l−1}: the slope minus the slope before it (zero before the first)
        NDArray before = constants.vector(m, "zero", () -> new float[1]).broadcast(slope.get("..., :1").getShape())
                .concat(slope.get("..., :-1"), -1);
        NDArray change = slope.sub(before);
        NDArray steep = change.mul(below).sum(new int[] {-1});               // slope of z's piece
        NDArray numerator = z.sub(gamma).add(change.mul(knots).mul(below).sum(new int[] {-1}));
        NDArray u = numerator.div(steep.clip(MIN_SLOPE / 10, Float.MAX_VALUE)).mul(below.get("..., 0"))
                .clip(0f, 1f);
        NDArray first = u.mul(constants.scalar(m, 2)).sub(constants.scalar(m, 1)).mul(z.sub(gamma));
        NDArray d = knots;
        NDArray big = d.maximum(u.expandDims(-1));
        NDArray inner = d.mul(d).mul(d).neg().add(1).mul(constants.scalar(m, 1.0 / 3)).sub(d)
                .sub(big.square()).add(big.mul(d).mul(constants.scalar(m, 2)));
        return first.add(change.mul(inner).sum(new int[] {-1}));
    }

    @Override
    public QuantileFunction distribution(float[] raw, int offset, double location, double scale) {
        double[] slope = new double[pieces];
        double[] rawSpacing = new double[pieces];
        for (int l = 0; l < pieces; l++) {
            slope[l] = HeadMath.positive(raw[offset + 1 + l], MIN_SLOPE);
            rawSpacing[l] = raw[offset + 1 + pieces + l];
        }
        double[] spacing = HeadMath.softmax(rawSpacing, 0, pieces);
        // the function is scale·(γ + ...): a shift of the location is γ + location/scale
        return new SplineQuantileFunction(raw[offset] + location / scale, slope, spacing, scale);
    }
}
