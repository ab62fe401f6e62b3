package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The small pieces of maths the heads share, each in a tensor form (training) and, where answers
 * need it, the same map in plain Java (query time). Keeping both forms side by side is what keeps
 * a trained head and its answers describing the same function.
 *
 * <p>The domain maps: a raw network output can be any real number, so a parameter that must be
 * positive (a standard deviation, a slope, a knot increment) goes through softplus plus a small
 * floor, and a set of shares that must sum to one goes through a softmax.
 */
final class HeadMath {
    private HeadMath() {
    }

    /** log(1 + eˣ), without overflow for large x (where it equals x to double precision). */
    static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    /** The x with softplus(x) = y, for y &gt; 0: how a head sets a raw offset to start at a given value. */
    static double inverseSoftplus(double y) {
        return y > 30 ? y : Math.log(Math.expm1(y));
    }

    /** Element-wise softplus of a tensor. */
    static NDArray softplus(NDArray x) {
        return Activation.softPlus(x);
    }

    /** softplus(x) + floor: a positive parameter kept at least {@code floor} away from zero. */
    static NDArray positive(NDArray x, double floor) {
        return Activation.softPlus(x).add(floor);
    }

    /** {@link #positive(NDArray, double)} for one number. */
    static double positive(double x, double floor) {
        return softplus(x) + floor;
    }

    /** The softmax of {@code n} values from {@code from}: positive shares summing to one (max shifted out first). */
    static double[] softmax(double[] values, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, values[from + i]);
        }
        double[] out = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(values[from + i] - max);
            sum += out[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Σ v·w / max(Σ w, 1): the mean of {@code values} over the entries whose weight counts them. */
    static NDArray maskedMean(NDArray values, NDArray weights) {
        return values.mul(weights).sum().div(weights.sum().clip(1f, Float.MAX_VALUE));
    }
}
