package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;

/**
 * A Gaussian output: mean and standard deviation (softplus, floored) per step, trained on the
 * negative log-likelihood. The parametric baseline: one shape for every series and step.
 */
final class GaussianHead implements UnivariateHead {
    static final double MIN_SD = 1e-3;
    private final ConstantCache constants = new ConstantCache();

    @Override
    public int outputsPerStep() {
        return 2;
    }

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        NDManager m = raw.getManager();
        NDArray mean = raw.get("..., 0");
        NDArray sd = HeadMath.positive(raw.get("..., 1"), MIN_SD);
        NDArray z = target.sub(mean).div(sd);
        // −log N(y; μ, σ) up to a constant: log σ + z²/2
        NDArray nll = sd.log().add(z.square().mul(constants.scalar(m, 0.5)));
        return HeadMath.maskedMean(nll, mask);
    }

    @Override
    public QuantileFunction distribution(float[] raw, int offset, double location, double scale) {
        double sd = HeadMath.positive(raw[offset + 1], MIN_SD);
        return new NormalQuantileFunction(location + raw[offset] * scale, sd * scale);
    }
}
