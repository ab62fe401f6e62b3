package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.qfl.stdlib.dist.Isqf;
import dev.qfl.stdlib.dist.QuantileFunction;

/**
 * The ISQF head (IQF when {@code pieces == 1}): per horizon step the first knot value, K−1
 * increments made positive by softplus (+tol), two tail rates, and for P > 1 the softmax shares of
 * each interval's width and rise. Trained on the closed-form CRPS, evaluated piece by piece; the
 * same domain map runs in Java at query time to build an {@link Isqf}.
 */
final class IqfHead implements UnivariateHead {
    /** Keeps increments, rates and shares away from zero, so slopes and 1/Δx stay finite. */
    static final double TOL = 1e-4;
    /**
     * Share of the unfloored loss kept below the floor (see {@link #crps(NDArray, NDArray, NDArray)}):
     * with none, a knot that sank below the floor felt no force at all and stayed there, so the
     * mass at zero only grew (+0.07 on the slow-mover panel); with 0.1 and more every knot was
     * pulled back to hover just above the floor, and the mass shrank (−0.12 at 0.1, −0.24 at 0.3).
     * 0.02 came within ±0.05 of the true mass over seeds and training lengths, until the inputs
     * grew by the smoothing channels (a new random start): then the mass was off by −0.054 at
     * 0.02, −0.046 at 0.015 and −0.035 at 0.01, the median's coverage by −0.047 and −0.050 at the
     * last two (measured with the slow-mover test's settings).
     */
    static final double LEAK = 0.01;

    private final double[] levels;
    private final int pieces;
    private final int k;
    private final ConstantCache constants = new ConstantCache();
    /** Offsets added to the raw outputs so training starts near the data; zero until {@link #prepare}. */
    private Start start = new Start(0, 0, 0, 0);

    /**
     * Where training starts: offsets added to the raw first knot, increments and tail rates. A fresh
     * network emits raw values near 0, which would put the knots about 0.7 apart (softplus(0)) and
     * the distribution far wider than scaled targets with a few percent of noise; shrinking it then
     * takes thousands of small optimiser steps. Starting from the first batch's spread instead is
     * the same idea as mqf2's data-dependent ActNorm. Saved with the model.
     *
     * @param location added to the first knot: the first batch's quantile at the first knot level
     * @param increment added inside the increments' softplus: spread between knots ≈ the batch's
     * @param left     added inside the left tail rate's softplus: the tail continues the spline's slope
     * @param right    the same for the right tail
     */
    record Start(float location, float increment, float left, float right) {
    }

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

    @Override
    public void prepare(NDArray raw, NDArray target, NDArray mask) {
        float[] values = target.toFloatArray();
        float[] observed = mask.toFloatArray();
        double[] kept = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (observed[i] > 0) {
                kept[n++] = values[i];
            }
        }
        if (n < 2) {
            return;
        }
        double[] sorted = kept;   // the first n entries, sorted in place
        java.util.Arrays.sort(sorted, 0, n);
        double lo = sorted[(int) Math.floor(levels[0] * (n - 1))];
        double hi = sorted[(int) Math.ceil(levels[k - 1] * (n - 1))];
        // at least a thousandth of the targets' typical size between knots, so a constant batch still trains
        double inc = Math.max((hi - lo) / Math.max(1, k - 1), 1e-3 * Math.max(1e-6, Math.abs(sorted[n / 2])));
        double slope = k > 1 ? inc / (levels[1] - levels[0]) : inc / levels[0];
        double betaL = 1 / (slope * levels[0]);               // tail slope 1/(β·α₀) equals the spline's
        double betaR = 1 / (slope * (1 - levels[k - 1]));
        start = new Start((float) lo, (float) HeadMath.inverseSoftplus(inc), (float) HeadMath.inverseSoftplus(betaL),
                (float) HeadMath.inverseSoftplus(betaR));
    }

    Start start() {
        return start;
    }

    @Override
    public void writeParameters(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeFloat(start.location());
        out.writeFloat(start.increment());
        out.writeFloat(start.left());
        out.writeFloat(start.right());
    }

    @Override
    public void readParameters(NDManager manager, java.io.DataInputStream in) throws java.io.IOException {
        Start read = new Start(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
        if (!(Float.isFinite(read.location()) && Float.isFinite(read.increment()) && Float.isFinite(read.left())
                && Float.isFinite(read.right()))) {
            throw new java.io.IOException("its head's starting offsets are not finite numbers");
        }
        start = read;
    }

    // ---- training: closed-form CRPS as tensor operations -------------------------------------

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        return loss(raw, target, mask, null);
    }

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask, NDArray floor) {
        return HeadMath.maskedMean(crps(raw, target, floor), mask);
    }

    /** iqf trains on the floored CRPS, so it picks its best epoch on it too. */
    @Override
    public NDArray validationLoss(NDArray raw, NDArray target, NDArray mask, NDArray floor) {
        return loss(raw, target, mask, floor);
    }

    /** CRPS of each (window, step) in scaled units: shape (batch, horizon). */
    NDArray crps(NDArray raw, NDArray z) {
        return crps(raw, z, null);
    }

    /**
     * CRPS of each (window, step) in scaled units, shape (batch, horizon), of the function as
     * answers use it: floored at {@code floor} ((batch, 1), in normalised units) when given.
     *
     * <p>Why the floor enters the loss: demand is floored at zero, and the unfloored CRPS hardly
     * cares where below the first positive outcome the function leaves zero, so a slow mover's
     * learned mass at zero came out a third too small. For outcomes at or above the floor,
     * flooring changes the pinball loss only where q(α) &lt; floor, by α·(floor − q(α)), so
     * CRPS_floored = CRPS − 2∫_{q(α) &lt; floor} α·(floor − q(α)) dα, again in closed form per
     * piece. Below the floor the loss is then nearly flat (a small share {@link #LEAK} of the
     * unfloored loss remains, so no knot is stranded there), and the levels whose outcomes are
     * zero sink beneath it: the mass at zero becomes what the data say.
     */
    NDArray crps(NDArray raw, NDArray z, NDArray floor) {
        NDManager m = raw.getManager();
        NDArray y0 = raw.get("..., 0").add(k(m, start.location()));
        NDArray inc = HeadMath.positive(raw.get("..., 1:" + k).add(k(m, start.increment())), TOL);
        NDArray betaL = HeadMath.positive(raw.get("..., " + k).add(k(m, start.left())), TOL);
        NDArray betaR = HeadMath.positive(raw.get("..., " + (k + 1)).add(k(m, start.right())), TOL);
        NDArray left = leftTail(m, z, y0, betaL);
        NDArray out;
        Pieces pieces = null;
        if (k == 1) {
            out = left.add(rightTail(m, z, y0, betaR));
        } else {
            NDArray rise = inc.cumSum(-1);
            NDArray right = rightTail(m, z, rise.get("..., -1").add(y0), betaR);
            pieces = pieces(m, raw, y0, inc, rise);
            out = left.add(spline(m, z, pieces)).add(right);
        }
        return floor == null ? out : out.sub(belowFloor(m, floor, y0, betaL, pieces).mul(k(m, 1 - LEAK)));
    }

    /**
     * 2∫ α·(f − q(α)) dα over the levels where q(α) &lt; f: on the left tail (with ℓ = min(β(f − y₀), 0)
     * and a = α₀e^ℓ the crossing level) a²/2·(f − y₀ − ℓ/β) + a²/(4β); on a linear piece
     * q = c + s(α − u₀) with w the crossing clipped into [u₀, u₁],
     * (f − c + s·u₀)(w² − u₀²)/2 − s(w³ − u₀³)/3. The right tail (a function below the floor beyond
     * its last knot) is left out: such a mass would exceed the last knot level.
     */
    private NDArray belowFloor(NDManager m, NDArray floor, NDArray y0, NDArray betaL, Pieces p) {
        double a0 = levels[0];
        NDArray gap = floor.sub(y0);   // (B, H)
        NDArray l = gap.mul(betaL).clip(-1e30f, 0f);
        NDArray aSq = l.mul(k(m, 2)).exp().mul(k(m, a0 * a0));
        NDArray tail = aSq.mul(k(m, 0.5)).mul(gap.sub(l.div(betaL))).add(aSq.div(betaL.mul(k(m, 4))));
        if (p == null) {
            return tail.mul(k(m, 2));
        }
        NDArray f = floor.expandDims(-1);
        NDArray w = f.sub(p.c()).div(p.slope()).add(p.u0()).maximum(p.u0()).minimum(p.u1());
        NDArray wSq = w.square();
        NDArray u0Sq = p.u0().square();
        NDArray piece = f.sub(p.c()).add(p.slope().mul(p.u0())).mul(wSq.sub(u0Sq)).mul(k(m, 0.5))
                .sub(p.slope().mul(wSq.mul(w).sub(u0Sq.mul(p.u0()))).mul(k(m, 1.0 / 3)));
        return tail.add(piece.sum(new int[] {-1})).mul(k(m, 2));
    }

    /** The linear pieces of the spline: levels [u₀, u₁], value c at u₀ and slope, each (B, H, pieces). */
    private record Pieces(NDArray u0, NDArray u1, NDArray c, NDArray slope) {
    }

    private Pieces pieces(NDManager m, NDArray raw, NDArray y0, NDArray inc, NDArray rise) {
        Shape batch = inc.getShape();   // (B, H, K−1)
        NDArray start = rise.sub(inc).add(y0.expandDims(-1));   // knot values y_0 .. y_{K−2}
        if (pieces == 1) {
            NDArray u0 = constants(m, "lo", i -> levels[i]);
            NDArray u1 = constants(m, "hi", i -> levels[i + 1]);
            return new Pieces(u0, u1, start, inc.div(u1.sub(u0)));
        }
        int n = (k - 1) * pieces;
        int base = k + 2;
        Shape shares = new Shape(batch.get(0), batch.get(1), k - 1, pieces);
        NDArray xf = share(m, raw.get("..., " + base + ":" + (base + n)).reshape(shares));
        NDArray yf = share(m, raw.get("..., " + (base + n) + ":" + (base + 2 * n)).reshape(shares));
        NDArray dx = xf.mul(constants(m, "width", i -> levels[i + 1] - levels[i]).reshape(1, 1, k - 1, 1));
        NDArray dy = yf.mul(inc.expandDims(-1));
        NDArray from = dx.cumSum(-1).sub(dx).add(constants(m, "lo", i -> levels[i]).reshape(1, 1, k - 1, 1));
        Shape flat = new Shape(batch.get(0), batch.get(1), n);
        return new Pieces(from.reshape(flat), from.add(dx).reshape(flat),
                dy.cumSum(-1).sub(dy).add(start.expandDims(-1)).reshape(flat), dy.div(dx).reshape(flat));
    }

    /**
     * Σ over pieces of the linear-piece CRPS, rearranged to few tensor operations: with
     * A = z − c + m·u₀ and w the crossing level clipped into [u₀, u₁], one piece contributes
     * 2·[A·E₁ + m·E₂ + w·(A − m·w/2)], where E₁ = (u₁² − u₀²)/2 − u₁ and E₂ = u₁²/2 − (u₁³ − u₀³)/3
     * depend on the levels only (the per-piece form of the notes, expanded).
     */
    private NDArray spline(NDManager m, NDArray z, Pieces p) {
        NDArray u0 = p.u0();
        NDArray u1 = p.u1();
        NDArray slope = p.slope();
        NDArray zc = z.expandDims(-1).sub(p.c());
        NDArray a = zc.add(slope.mul(u0));
        NDArray w = zc.div(slope).add(u0).maximum(u0).minimum(u1);
        NDArray u1Sq = u1.square();
        NDArray u0Sq = u0.square();
        NDArray e1 = u1Sq.sub(u0Sq).mul(k(m, 0.5)).sub(u1);
        NDArray e2 = u1Sq.mul(k(m, 0.5)).sub(u1Sq.mul(u1).sub(u0Sq.mul(u0)).mul(k(m, 1.0 / 3)));
        NDArray piece = a.mul(e1).add(slope.mul(e2)).add(w.mul(a.sub(slope.mul(w).mul(k(m, 0.5)))));
        return piece.sum(new int[] {-1}).mul(k(m, 2));
    }

    /**
     * Left tail on (0, α₀] with q = y₀ + ln(α/α₀)/β: with b = y₀ − ln(α₀)/β, ℓ = min(β(z − b), ln α₀)
     * the log of the crossing level and G(t) = t·ln t − t, the contribution is
     * 2·[(z − b)(α₀²/2 − α₀ + e^ℓ) + (G(α₀) − α₀²/2·ln α₀ + α₀²/4 − e^ℓ(ℓ − 1))/β].
     */
    private NDArray leftTail(NDManager m, NDArray z, NDArray y0, NDArray betaL) {
        double a0 = levels[0];
        double logA0 = Math.log(a0);
        NDArray al = k(m, 1).div(betaL);
        NDArray zb = z.sub(y0).add(al.mul(k(m, logA0)));
        NDArray l = zb.mul(betaL).clip(-1e30f, (float) logA0);   // clamp in log space: exp never overflows
        NDArray cross = l.exp();
        double constant = g(a0) - (a0 * a0 / 2 * logA0 - a0 * a0 / 4);
        NDArray first = zb.mul(cross.add(a0 * a0 / 2 - a0));
        NDArray second = al.mul(cross.mul(l.sub(1)).neg().add(constant));
        return first.add(second).mul(k(m, 2));
    }

    /**
     * Right tail on [α_K, 1) with q = y_K − ln((1 − α)/(1 − α_K))/β, integrated in t = 1 − α: with
     * b = y_K + ln(t_K)/β, ℓ = min(−β(z − b), ln t_K) and H(t) = t²/2·ln t − t²/4, the
     * contribution is 2·[(z − b)(t_K − t_K²/2 − e^ℓ) + (G(t_K) − H(t_K) − e^ℓ(ℓ − 1))/β].
     */
    private NDArray rightTail(NDManager m, NDArray z, NDArray yLast, NDArray betaR) {
        double tk = 1 - levels[k - 1];
        double logTk = Math.log(tk);
        NDArray ar = k(m, 1).div(betaR);   // 1/β; the tail's slope in ln t is −1/β
        NDArray zb = z.sub(yLast).sub(ar.mul(k(m, logTk)));
        NDArray l = zb.mul(betaR).neg().clip(-1e30f, (float) logTk);
        NDArray t = l.exp();
        NDArray first = zb.mul(t.neg().add(tk - tk * tk / 2));
        NDArray second = ar.mul(t.mul(l.sub(1)).neg().add(g(tk) - h(tk)));
        return first.add(second).mul(k(m, 2));
    }

    /** A constant (K−1)-vector built from the knot levels, named by {@code key}. */
    private NDArray constants(NDManager m, String key, java.util.function.IntToDoubleFunction f) {
        return constants.vector(m, key, () -> {
            float[] v = new float[k - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) f.applyAsDouble(i);
            }
            return v;
        });
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

    private NDArray k(NDManager m, double value) {
        return constants.scalar(m, value);
    }

    // ---- query time: the same map in plain Java ----------------------------------------------

    @Override
    public QuantileFunction distribution(float[] raw, int offset, double location, double scale) {
        double[] values = new double[outputsPerStep()];
        for (int i = 0; i < values.length; i++) {
            values[i] = raw[offset + i];
        }
        return distribution(values, location, scale);
    }

    /** The domain map in double precision (also what finite-difference checks differentiate). */
    Isqf distribution(double[] raw, double location, double scale) {
        double[] knots = new double[k];
        knots[0] = raw[0] + start.location();
        for (int i = 1; i < k; i++) {
            // summed in this order ((knot + softplus) + tol) so answers stay bit for bit what they were
            knots[i] = knots[i - 1] + HeadMath.softplus(raw[i] + start.increment()) + TOL;
        }
        double betaL = HeadMath.positive(raw[k] + start.left(), TOL);
        double betaR = HeadMath.positive(raw[k + 1] + start.right(), TOL);
        double[] xf = null;
        double[] yf = null;
        if (pieces > 1) {
            int n = (k - 1) * pieces;
            xf = shares(raw, k + 2, n);
            yf = shares(raw, k + 2 + n, n);
        }
        return Isqf.of(levels, knots, pieces, xf, yf, betaL, betaR).affine(location, scale);
    }

    private double[] shares(double[] raw, int from, int n) {
        double[] out = new double[n];
        for (int start = 0; start < n; start += pieces) {
            double[] soft = HeadMath.softmax(raw, from + start, pieces);
            double total = 0;
            for (int s = 0; s < pieces; s++) {
                out[start + s] = (soft[s] + TOL) / (1 + pieces * TOL);
                total += out[start + s];
            }
            for (int s = 0; s < pieces; s++) {
                out[start + s] /= total;   // exact sum 1 despite rounding
            }
        }
        return out;
    }
}
