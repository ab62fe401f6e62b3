package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.qfl.stdlib.dist.Isqf;
import dev.qfl.stdlib.dist.QuantileFunction;

/**
 * The ISQF head (IQF when {@code pieces == 1}): per horizon step the first knot value, K−1
 * increments made positive by softplus (+tol), two tail rates, and for P > 1 the softmax shares of
 * each interval's width and rise. Trained on the closed-form CRPS, evaluated piece by piece; the
 * same domain map runs in Java at query time to build an {@link Isqf}.
 */
final class IqfHead implements QuantileHead {
    /** Keeps increments, rates and shares away from zero, so slopes and 1/Δx stay finite. */
    static final double TOL = 1e-4;

    private final double[] levels;
    private final int pieces;
    private final int k;

    IqfHead(double[] levels, int pieces) {
        this.levels = levels.clone();
        this.pieces = pieces;
        this.k = levels.length;
    }

    /** Knot levels k/(K+1), k = 1..K. */
    static double[] uniformLevels(int knots) {
        double[] out = new double[knots];
        for (int i = 0; i < knots; i++) {
            out[i] = (i + 1.0) / (knots + 1);
        }
        return out;
    }

    @Override
    public int outputsPerStep() {
        return k + 2 + (pieces > 1 ? 2 * (k - 1) * pieces : 0);
    }

    // ---- training: closed-form CRPS as tensor operations -------------------------------------

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        NDArray crps = crps(raw, target);
        return crps.mul(mask).sum().div(mask.sum().clip(1f, Float.MAX_VALUE));
    }

    /** CRPS of each (window, step) in scaled units: shape (batch, horizon). */
    NDArray crps(NDArray raw, NDArray z) {
        NDManager m = raw.getManager();
        NDArray y0 = raw.get("..., 0");
        NDArray inc = softplus(raw.get("..., 1:" + k)).add(TOL);
        NDArray betaL = softplus(raw.get("..., " + k)).add(TOL);
        NDArray betaR = softplus(raw.get("..., " + (k + 1))).add(TOL);
        NDArray yLast = inc.sum(new int[] {-1}).add(y0);
        NDArray left = leftTail(m, z, y0, betaL);
        NDArray right = rightTail(m, z, yLast, betaR);
        if (k == 1) {
            return left.add(right);
        }
        return left.add(spline(m, raw, z, y0, inc)).add(right);
    }

    private NDArray spline(NDManager m, NDArray raw, NDArray z, NDArray y0, NDArray inc) {
        Shape batch = inc.getShape();   // (B, H, K−1)
        float[] lo = new float[k - 1];
        float[] width = new float[k - 1];
        for (int i = 0; i + 1 < k; i++) {
            lo[i] = (float) levels[i];
            width[i] = (float) (levels[i + 1] - levels[i]);
        }
        NDArray knotStart = y0.expandDims(-1).concat(y0.expandDims(-1).add(inc.cumSum(-1)).get("..., :-1"), -1);
        NDArray u0;
        NDArray u1;
        NDArray c;
        NDArray slope;
        if (pieces == 1) {
            u0 = Tensors.owned(m, lo, new Shape(k - 1));
            NDArray w = Tensors.owned(m, width, new Shape(k - 1));
            u1 = u0.add(w);
            c = knotStart;
            slope = inc.div(w);
        } else {
            int n = (k - 1) * pieces;
            int base = k + 2;
            Shape shares = new Shape(batch.get(0), batch.get(1), k - 1, pieces);
            NDArray xf = share(m, raw.get("..., " + base + ":" + (base + n)).reshape(shares));
            NDArray yf = share(m, raw.get("..., " + (base + n) + ":" + (base + 2 * n)).reshape(shares));
            NDArray dx = xf.mul(Tensors.owned(m, width, new Shape(k - 1)).reshape(1, 1, k - 1, 1));
            NDArray dy = yf.mul(inc.expandDims(-1));
            NDArray start = dx.cumSum(-1).sub(dx).add(Tensors.owned(m, lo, new Shape(k - 1)).reshape(1, 1, k - 1, 1));
            Shape flat = new Shape(batch.get(0), batch.get(1), n);
            u0 = start.reshape(flat);
            u1 = start.add(dx).reshape(flat);
            c = dy.cumSum(-1).sub(dy).add(knotStart.expandDims(-1)).reshape(flat);
            slope = dy.div(dx).reshape(flat);
        }
        NDArray zz = z.expandDims(-1);
        NDArray a = zz.sub(c).add(slope.mul(u0));
        NDArray cross = zz.sub(c).div(slope).add(u0).maximum(u0).minimum(u1);
        NDArray u0Sq = u0.square();
        NDArray u1Sq = u1.square();
        NDArray i1 = a.mul(u1Sq.sub(u0Sq)).div(k(m, 2)).sub(slope.mul(u1Sq.mul(u1).sub(u0Sq.mul(u0))).div(k(m, 3)));
        NDArray i0 = a.mul(u1.sub(cross)).sub(slope.mul(u1Sq.sub(cross.square())).div(k(m, 2)));
        return i1.sub(i0).mul(k(m, 2)).sum(new int[] {-1});
    }

    private NDArray leftTail(NDManager m, NDArray z, NDArray y0, NDArray betaL) {
        double a0 = levels[0];
        double logA0 = Math.log(a0);
        NDArray al = k(m, 1).div(betaL);
        NDArray bl = y0.sub(al.mul(k(m, logA0)));
        NDArray zb = z.sub(bl);
        // clamp in log space before exp, so the branch not taken never overflows
        NDArray cross = zb.div(al).clip(-1e30f, (float) logA0).exp();
        NDArray i1 = zb.mul(k(m, a0 * a0 / 2)).sub(al.mul(k(m, a0 * a0 / 2 * logA0 - a0 * a0 / 4)));
        NDArray i0 = zb.mul(cross.neg().add(a0)).sub(al.mul(gOf(cross).neg().add(g(a0))));
        return i1.sub(i0).mul(k(m, 2));
    }

    private NDArray rightTail(NDManager m, NDArray z, NDArray yLast, NDArray betaR) {
        double tk = 1 - levels[k - 1];
        double logTk = Math.log(tk);
        NDArray ar = k(m, -1).div(betaR);
        NDArray br = yLast.sub(ar.mul(k(m, logTk)));
        NDArray zb = z.sub(br);
        NDArray t = zb.div(ar).clip(-1e30f, (float) logTk).exp();
        NDArray i1 = zb.mul(k(m, tk - tk * tk / 2)).sub(ar.mul(k(m, g(tk) - h(tk))));
        NDArray i0 = zb.mul(t).sub(ar.mul(gOf(t)));
        return i1.sub(i0).mul(k(m, 2));
    }

    /**
     * G(t) = t·ln t − t for a tensor, with G(0) = 0 (a clamp keeps the log finite). Bounds are
     * applied with clip, never with maximum/minimum against a number: DJL turns such a number into
     * a temporary tensor that autograd would keep for the backward pass after it is freed.
     */
    private static NDArray gOf(NDArray t) {
        return t.mul(t.clip(1e-30f, Float.MAX_VALUE).log()).sub(t);
    }

    private static double g(double t) {
        return t <= 0 ? 0 : t * Math.log(t) - t;
    }

    private static double h(double t) {
        return t * t / 2 * Math.log(t) - t * t / 4;
    }

    private NDArray share(NDManager m, NDArray rawShares) {
        return rawShares.softmax(-1).add(TOL).div(k(m, 1 + pieces * TOL));
    }

    /**
     * A constant as a tensor of its own. DJL implements x.mul(3.0) by wrapping 3.0 in a temporary
     * tensor and freeing it as soon as the product is made, but autograd keeps that operand for the
     * backward pass of mul, div and pow: it would read freed memory (seen as garbage gradients and
     * NaN losses). Constants made here live until the step's scope closes, after backward.
     */
    private static NDArray k(NDManager m, double value) {
        return Tensors.owned(m, new float[] {(float) value}, new Shape());
    }

    private static NDArray softplus(NDArray x) {
        return Activation.softPlus(x);
    }

    // ---- query time: the same map in plain Java ----------------------------------------------

    @Override
    public QuantileFunction distribution(float[] raw, int offset, double scale) {
        double[] values = new double[outputsPerStep()];
        for (int i = 0; i < values.length; i++) {
            values[i] = raw[offset + i];
        }
        return distribution(values, scale);
    }

    /** The domain map in double precision (also what finite-difference checks differentiate). */
    Isqf distribution(double[] raw, double scale) {
        double[] knots = new double[k];
        knots[0] = raw[0];
        for (int i = 1; i < k; i++) {
            knots[i] = knots[i - 1] + softplus(raw[i]) + TOL;
        }
        double betaL = softplus(raw[k]) + TOL;
        double betaR = softplus(raw[k + 1]) + TOL;
        double[] xf = null;
        double[] yf = null;
        if (pieces > 1) {
            int n = (k - 1) * pieces;
            xf = shares(raw, k + 2, n);
            yf = shares(raw, k + 2 + n, n);
        }
        return Isqf.of(levels, knots, pieces, xf, yf, betaL, betaR).affine(0, scale);
    }

    private double[] shares(double[] raw, int from, int n) {
        double[] out = new double[n];
        for (int start = 0; start < n; start += pieces) {
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < pieces; s++) {
                max = Math.max(max, raw[from + start + s]);
            }
            double sum = 0;
            for (int s = 0; s < pieces; s++) {
                out[start + s] = Math.exp(raw[from + start + s] - max);
                sum += out[start + s];
            }
            double total = 0;
            for (int s = 0; s < pieces; s++) {
                out[start + s] = (out[start + s] / sum + TOL) / (1 + pieces * TOL);
                total += out[start + s];
            }
            for (int s = 0; s < pieces; s++) {
                out[start + s] /= total;   // exact sum 1 despite rounding
            }
        }
        return out;
    }

    static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }
}
