package dev.qfl.stdlib.neural.mqf2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A partially input-convex network F(x; c): convex in x ∈ R^P for every context c. Its gradient
 * ∇ₓF is a monotone map, the multivariate quantile function of MQF2. The gradient is written out
 * as ordinary forward operations ({@link #gradient}) rather than taken by a second backward pass:
 * training then needs only first-order autograd, which DJL supports without leaking memory.
 *
 * <p>Structure, with σ(v) = v·Φ(v) + φ(v) (a smooth, convex, increasing activation), sp the
 * softplus, A(v) = (v + b)·(e^{logs} + 0.001) an affine normalisation and H hidden units:
 * <pre>
 * u   = ELU(A_c(W_c c + b_c))
 * a₀  = A₀(W₀ x + b₀),   z₁ = σ(a₀) − a₀/2
 * for k = 1..L−1:  g = sp(G_k u + γ_k + e⁻¹),  m = M_k u + μ_k + 1,
 *                  a_k = A_k((sp(W_k)(z_k ⊙ g) + β_k)/H + V_k(x ⊙ m) + v_k + C_k u + c_k),  z_{k+1} = σ(a_k)
 * g = sp(G_L u + γ_L + ln(e − 1)),  m = M_L u + μ_L + 1
 * F   = A_L(sp(W_L)(z_L ⊙ g)/H + V_L(x ⊙ m))
 * </pre>
 * Convex in x: z₁ is convex, positive weights (softplus) and positive gates keep convexity, the
 * x-terms are linear in x (their gates depend on c only), and σ is convex and non-decreasing.
 */
public final class Picnn {
    private final int hidden;
    private final List<NDArray> p;   // parameters, in the order of the names below
    private final int layers;

    private static final int CONTEXT = 0;   // W_c, b_c, A_c.b, A_c.logs
    private static final int INPUT = 4;     // W_0, b_0, A_0.b, A_0.logs
    private static final int PER_LAYER = 12;
    // per hidden layer: G, γ, M, μ, W(pos), β, V, v, C, c, A.b, A.logs
    // last: G_L, γ_L, M_L, μ_L, W_L, V_L, A_L.b, A_L.logs

    private Picnn(int hidden, int layers, List<NDArray> parameters) {
        this.hidden = hidden;
        this.layers = layers;
        this.p = List.copyOf(parameters);
    }

    /**
     * A network with PyTorch-style uniform initial weights, gates initialised to zero (so they start
     * at sp(e⁻¹), sp(ln(e − 1)) = 1 and 1), and identity-like normalisations.
     *
     * @param dim     P, the dimension of x (the horizon)
     * @param hidden  H
     * @param context dimension of c
     * @param layers  L ≥ 2
     */
    public static Picnn initialize(NDManager m, int dim, int hidden, int context, int layers, DataType type, long seed) {
        if (layers < 2) {
            throw new IllegalArgumentException("a PICNN needs at least 2 layers");
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<NDArray> ps = new ArrayList<>();
        ps.add(weight(m, r, type, hidden, context));
        ps.add(bias(m, r, type, hidden, context));
        ps.add(m.zeros(new Shape(hidden), type));
        ps.add(m.zeros(new Shape(hidden), type));
        ps.add(weight(m, r, type, hidden, dim));
        ps.add(bias(m, r, type, hidden, dim));
        ps.add(m.zeros(new Shape(hidden), type));
        ps.add(m.zeros(new Shape(hidden), type));
        for (int k = 1; k < layers; k++) {
            ps.add(m.zeros(new Shape(hidden, hidden), type));   // G_k
            ps.add(m.zeros(new Shape(hidden), type));           // γ_k
            ps.add(m.zeros(new Shape(dim, hidden), type));      // M_k
            ps.add(m.zeros(new Shape(dim), type));              // μ_k
            ps.add(weight(m, r, type, hidden, hidden));         // W_k (made positive by softplus)
            ps.add(bias(m, r, type, hidden, hidden));           // β_k
            ps.add(weight(m, r, type, hidden, dim));            // V_k
            ps.add(bias(m, r, type, hidden, dim));              // v_k
            ps.add(weight(m, r, type, hidden, hidden));         // C_k
            ps.add(bias(m, r, type, hidden, hidden));           // c_k
            ps.add(m.zeros(new Shape(hidden), type));
            ps.add(m.zeros(new Shape(hidden), type));
        }
        ps.add(m.zeros(new Shape(hidden, hidden), type));       // G_L
        ps.add(m.zeros(new Shape(hidden), type));               // γ_L
        ps.add(m.zeros(new Shape(dim, hidden), type));          // M_L
        ps.add(m.zeros(new Shape(dim), type));                  // μ_L
        ps.add(weight(m, r, type, 1, hidden));                  // W_L
        ps.add(weight(m, r, type, 1, dim));                     // V_L
        ps.add(m.zeros(new Shape(1), type));
        ps.add(m.zeros(new Shape(1), type));
        return new Picnn(hidden, layers, ps);
    }

    /** A weight matrix (rows, fanIn) drawn from U(−1/√fanIn, 1/√fanIn), as PyTorch's Linear does. */
    private static NDArray weight(NDManager m, SplittableRandom r, DataType type, int rows, int fanIn) {
        return draw(m, r, type, new Shape(rows, fanIn), rows * fanIn, 1 / Math.sqrt(fanIn));
    }

    /** A bias vector of a layer with fan-in {@code fanIn}, drawn the same way. */
    private static NDArray bias(NDManager m, SplittableRandom r, DataType type, int size, int fanIn) {
        return draw(m, r, type, new Shape(size), size, 1 / Math.sqrt(fanIn));
    }

    private static NDArray draw(NDManager m, SplittableRandom r, DataType type, Shape shape, int n, double bound) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextDouble() * 2 - 1) * bound;
        }
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.toType(type, true);
        }
    }

    /** A network with the given parameters (in {@link #parameters()} order), e.g. read back from a file. */
    public static Picnn of(int hidden, int layers, List<NDArray> parameters) {
        return new Picnn(hidden, layers, parameters);
    }

    /**
     * The same network with every normalisation A set from a batch: b = −mean and
     * logs = ln(1/(sd + 10⁻⁶)) of the values entering it, layer after layer, so training starts
     * with standardised activations. Done once, on the first real batch; the values are then
     * ordinary parameters, saved with the model (a reloaded model is never re-initialised).
     */
    public Picnn normalisedOn(NDArray x, NDArray c) {
        List<NDArray> q = new ArrayList<>(p);
        NDManager m = x.getManager();
        DataType t = x.getDataType();
        NDArray vc = linear(c, q.get(CONTEXT), q.get(CONTEXT + 1));
        set(q, CONTEXT + 2, vc);
        NDArray u = Activation.elu(actnorm(vc, q.get(CONTEXT + 2), q.get(CONTEXT + 3)), 1f);
        NDArray v0 = linear(x, q.get(INPUT), q.get(INPUT + 1));
        set(q, INPUT + 2, v0);
        NDArray a0 = actnorm(v0, q.get(INPUT + 2), q.get(INPUT + 3));
        NDArray z = gaussianSoftplus(a0).sub(a0.mul(k(m, 0.5, t)));
        Picnn staged = new Picnn(hidden, layers, q);
        for (int l = 1; l < layers; l++) {
            NDArray g = Activation.softPlus(linear(u, staged.layer(l, 0), staged.layer(l, 1)).add(k(m, Math.exp(-1), t)));
            NDArray mg = linear(u, staged.layer(l, 2), staged.layer(l, 3)).add(k(m, 1, t));
            NDArray pre = linear(z.mul(g), Activation.softPlus(staged.layer(l, 4)), staged.layer(l, 5))
                    .div(k(m, hidden, t)).add(linear(x.mul(mg), staged.layer(l, 6), staged.layer(l, 7)))
                    .add(linear(u, staged.layer(l, 8), staged.layer(l, 9)));
            int at = INPUT + 4 + (l - 1) * PER_LAYER + 10;
            set(q, at, pre);
            staged = new Picnn(hidden, layers, q);
            z = gaussianSoftplus(actnorm(pre, q.get(at), q.get(at + 1)));
        }
        NDArray gL = Activation.softPlus(linear(u, staged.last(0), staged.last(1)).add(k(m, Math.log(Math.E - 1), t)));
        NDArray mL = linear(u, staged.last(2), staged.last(3)).add(k(m, 1, t));
        NDArray inner = z.mul(gL).matMul(Activation.softPlus(staged.last(4)).transpose()).div(k(m, hidden, t))
                .add(x.mul(mL).matMul(staged.last(5).transpose()));
        set(q, INPUT + 4 + (layers - 1) * PER_LAYER + 6, inner);
        return new Picnn(hidden, layers, q);
    }

    /** Sets the normalisation whose shift sits at {@code at} (its log-scale follows) from values {@code v}. */
    private static void set(List<NDArray> q, int at, NDArray v) {
        NDArray mean = v.mean(new int[] {0});
        NDArray sd = v.sub(mean).square().mean(new int[] {0}).sqrt();
        NDManager m = v.getManager();
        DataType t = v.getDataType();
        q.set(at, mean.neg().duplicate());
        q.set(at + 1, sd.add(k(m, 1e-6, t)).pow(k(m, -1, t)).log().duplicate());
    }

    /** Every parameter, for an optimiser or for randomising in tests. */
    public NDList parameters() {
        return new NDList(p);
    }

    /** The same architecture with other parameter values (same order and shapes as {@link #parameters()}). */
    public Picnn with(List<NDArray> parameters) {
        return new Picnn(hidden, layers, parameters);
    }

    private NDArray layer(int k, int field) {
        return p.get(INPUT + 4 + (k - 1) * PER_LAYER + field);
    }

    private NDArray last(int field) {
        return p.get(INPUT + 4 + (layers - 1) * PER_LAYER + field);
    }

    /**
     * Values and intermediate results of one forward pass, shared by F and ∇F: the gradient reuses
     * Φ of every pre-activation (σ' = Φ) and the softplus-positive weights instead of recomputing them.
     */
    private record Pass(NDArray u, NDArray a0, NDArray cdf0, List<NDArray> pre, List<NDArray> cdfs,
                        List<NDArray> gates, List<NDArray> xGates, List<NDArray> positiveWeights, List<NDArray> z,
                        NDArray gL, NDArray mL) {
    }

    private Pass forward(NDArray x, NDArray c) {
        NDManager m = x.getManager();
        DataType t = x.getDataType();
        NDArray u = Activation.elu(actnorm(linear(c, p.get(CONTEXT), p.get(CONTEXT + 1)), p.get(CONTEXT + 2),
                p.get(CONTEXT + 3)), 1f);
        NDArray a0 = actnorm(linear(x, p.get(INPUT), p.get(INPUT + 1)), p.get(INPUT + 2), p.get(INPUT + 3));
        NDArray cdf0 = normalCdf(a0);
        NDArray z = gaussianSoftplus(a0, cdf0).sub(a0.mul(k(m, 0.5, t)));
        List<NDArray> pre = new ArrayList<>();
        List<NDArray> cdfs = new ArrayList<>();
        List<NDArray> gates = new ArrayList<>();
        List<NDArray> xGates = new ArrayList<>();
        List<NDArray> positiveWeights = new ArrayList<>();
        List<NDArray> zs = new ArrayList<>(List.of(z));
        for (int l = 1; l < layers; l++) {
            NDArray g = Activation.softPlus(linear(u, layer(l, 0), layer(l, 1)).add(k(m, Math.exp(-1), t)));
            NDArray mg = linear(u, layer(l, 2), layer(l, 3)).add(k(m, 1, t));
            NDArray weights = Activation.softPlus(layer(l, 4));
            NDArray positive = linear(z.mul(g), weights, layer(l, 5)).div(k(m, hidden, t));
            NDArray a = actnorm(positive.add(linear(x.mul(mg), layer(l, 6), layer(l, 7)))
                    .add(linear(u, layer(l, 8), layer(l, 9))), layer(l, 10), layer(l, 11));
            NDArray cdf = normalCdf(a);
            pre.add(a);
            cdfs.add(cdf);
            gates.add(g);
            xGates.add(mg);
            positiveWeights.add(weights);
            z = gaussianSoftplus(a, cdf);
            zs.add(z);
        }
        NDArray gL = Activation.softPlus(linear(u, last(0), last(1)).add(k(m, Math.log(Math.E - 1), t)));
        NDArray mL = linear(u, last(2), last(3)).add(k(m, 1, t));
        return new Pass(u, a0, cdf0, pre, cdfs, gates, xGates, positiveWeights, zs, gL, mL);
    }

    /** F(x; c), shape (batch, 1). */
    public NDArray potential(NDArray x, NDArray c) {
        Pass f = forward(x, c);
        NDManager m = x.getManager();
        NDArray zL = f.z().get(f.z().size() - 1);
        NDArray inner = zL.mul(f.gL()).matMul(Activation.softPlus(last(4)).transpose()).div(k(m, hidden, x.getDataType()))
                .add(x.mul(f.mL()).matMul(last(5).transpose()));
        return actnorm(inner, last(6), last(7));
    }

    /** ∇ₓF(x; c), shape (batch, P): the backward pass of {@link #potential} written as forward operations. */
    public NDArray gradient(NDArray x, NDArray c) {
        Pass f = forward(x, c);
        NDManager m = x.getManager();
        DataType t = x.getDataType();
        NDArray sL = scale(last(7), t);
        NDArray gx = f.mL().mul(last(5)).mul(sL);                                          // direct x term
        NDArray delta = f.gL().mul(Activation.softPlus(last(4))).mul(sL).div(k(m, hidden, t));   // ∂F/∂z_L
        for (int l = layers - 1; l >= 1; l--) {
            NDArray r = delta.mul(f.cdfs().get(l - 1)).mul(scale(layer(l, 11), t));   // ∂F/∂pre_l
            gx = gx.add(f.xGates().get(l - 1).mul(r.matMul(layer(l, 6))));
            delta = f.gates().get(l - 1).mul(r.matMul(f.positiveWeights().get(l - 1))).div(k(m, hidden, t));
        }
        NDArray first = delta.mul(f.cdf0().sub(k(m, 0.5, t))).mul(scale(p.get(INPUT + 3), t));
        return gx.add(first.matMul(p.get(INPUT)));
    }

    private static NDArray linear(NDArray in, NDArray weight, NDArray bias) {
        return in.matMul(weight.transpose()).add(bias.reshape(1, -1));
    }

    private static NDArray actnorm(NDArray v, NDArray b, NDArray logs) {
        return v.add(b).mul(scale(logs, v.getDataType()));
    }

    private static NDArray scale(NDArray logs, DataType t) {
        return logs.exp().add(k(logs.getManager(), 0.001, t));
    }

    /** σ(v) = v·Φ(v) + φ(v) = E[(v + ε)⁺] for ε ~ N(0, 1). */
    private static NDArray gaussianSoftplus(NDArray v) {
        return gaussianSoftplus(v, normalCdf(v));
    }

    /** σ(v) given Φ(v), when Φ(v) is needed again (it is σ'). */
    private static NDArray gaussianSoftplus(NDArray v, NDArray cdf) {
        NDManager m = v.getManager();
        DataType t = v.getDataType();
        NDArray density = v.square().mul(k(m, -0.5, t)).exp().mul(k(m, 1 / Math.sqrt(2 * Math.PI), t));
        return v.mul(cdf).add(density);
    }

    private static NDArray normalCdf(NDArray v) {
        NDManager m = v.getManager();
        DataType t = v.getDataType();
        return v.mul(k(m, 1 / Math.sqrt(2), t)).erf().add(k(m, 1, t)).mul(k(m, 0.5, t));
    }

    /**
     * A constant tensor owned by the engine (never a freed temporary; see ConstantCache), made from
     * the double value: in double-precision runs, float-rounded constants would break identities
     * such as σ' = Φ that the explicit gradient relies on.
     */
    private static NDArray k(NDManager m, double value, DataType t) {
        try (NDArray exact = m.create(value)) {
            return exact.toType(t, true);
        }
    }
}
