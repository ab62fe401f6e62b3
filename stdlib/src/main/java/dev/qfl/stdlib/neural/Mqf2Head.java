package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.qfl.stdlib.neural.mqf2.EnergyScore;
import dev.qfl.stdlib.neural.mqf2.Picnn;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The MQF2 head: the encoder emits one context vector per window, and the forecast over the whole
 * horizon is ∇ₓF(x; context) applied to standard normal draws x, where F is a partially
 * input-convex network (so the map is monotone, a multivariate quantile function). Trained with
 * the energy score on scaled targets; answers come from joint sample paths.
 */
final class Mqf2Head implements JointHead {
    private final int horizon;
    private final int context;
    private final int icnnHidden;
    private final int icnnLayers;
    private final int samples;
    private final int paths;
    private final long seed;
    private Picnn picnn;
    /**
     * The output map is location + scale·∇F(x): a positive scalar times a convex function's gradient
     * plus a constant is still one, so monotonicity is kept. Both are set from the first batch so the
     * untrained map already has the targets' centre and spread (see {@link IqfHead.Start} for why).
     */
    private float[] location;
    private float scale = 1f;

    Mqf2Head(int horizon, int context, int icnnHidden, int icnnLayers, int samples, int paths, long seed) {
        this.horizon = horizon;
        this.context = context;
        this.icnnHidden = icnnHidden;
        this.icnnLayers = icnnLayers;
        this.samples = samples;
        this.paths = paths;
        this.seed = seed;
    }

    @Override
    public int contextWidth() {
        return context;
    }

    @Override
    public List<NDArray> parameters() {
        return picnn == null ? List.of() : picnn.parameters();
    }

    @Override
    public void prepare(NDArray raw, NDArray target, NDArray mask) {
        NDManager m = raw.getManager();
        long b = raw.getShape().get(0);
        Picnn fresh = Picnn.initialize(m, horizon, icnnHidden, context, icnnLayers, DataType.FLOAT32, seed);
        Picnn ready = fresh.normalisedOn(m.randomNormal(new Shape(b, horizon)), raw.reshape(b, context));
        for (NDArray p : ready.parameters()) {
            p.setRequiresGradient(true);
        }
        picnn = ready;
        setOutputStart(m, raw.reshape(b, context), target, mask);
    }

    /** Location per step and one scale, so the untrained map matches the batch's means and pooled spread. */
    private void setOutputStart(NDManager m, NDArray c, NDArray target, NDArray mask) {
        long b = c.getShape().get(0);
        float[] y = target.toFloatArray();
        float[] seen = mask.toFloatArray();
        float[] g = picnn.gradient(m.randomNormal(new Shape(b, horizon)), c).toFloatArray();
        double[] mean = new double[horizon];
        double[] gMean = new double[horizon];
        int[] count = new int[horizon];
        for (int i = 0; i < y.length; i++) {
            int h = i % horizon;
            gMean[h] += g[i] / b;
            if (seen[i] > 0) {
                mean[h] += y[i];
                count[h]++;
            }
        }
        double ySq = 0;
        double gSq = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            int h = i % horizon;
            gSq += Math.pow(g[i] - gMean[h], 2);
            if (seen[i] > 0) {
                ySq += Math.pow(y[i] - mean[h] / count[h], 2);
                n++;
            }
        }
        double ySd = n > 1 ? Math.sqrt(ySq / n) : 0;
        double gSd = Math.sqrt(gSq / y.length);
        scale = ySd > 0 && gSd > 0 ? (float) (ySd / gSd) : 1f;
        location = new float[horizon];
        for (int h = 0; h < horizon; h++) {
            location[h] = (float) ((count[h] > 0 ? mean[h] / count[h] : 0) - scale * gMean[h]);
        }
    }

    /**
     * The output's scale and location as tensors in {@code m} (made once per loss or forecast, not
     * per draw), or null before {@link #prepare}. The scale is a tensor of its own, not
     * mul(Number): autograd needs the factor after DJL would have freed it.
     */
    private NDArray[] outputAffine(NDManager m) {
        if (location == null) {
            return null;
        }
        return new NDArray[] {m.create(new float[] {scale}, new Shape(1, 1)), m.create(location, new Shape(1, horizon))};
    }

    /** The forecast map: location + scale·∇ₓF(x; c). */
    private NDArray map(NDArray x, NDArray c, NDArray[] affine) {
        NDArray grad = picnn.gradient(x, c);
        return affine == null ? grad : grad.mul(affine[0]).add(affine[1]);
    }

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        return energy(raw, target, mask, null);
    }

    /** The energy score with the same standard normal draws every epoch (common random numbers). */
    @Override
    public NDArray validationLoss(NDArray raw, NDArray target, NDArray mask) {
        return energy(raw, target, mask, new SplittableRandom(seed + 1));
    }

    /** Mean energy score of whole observed paths; draws from the engine, or from {@code fixed} when given. */
    private NDArray energy(NDArray raw, NDArray target, NDArray mask, SplittableRandom fixed) {
        NDManager m = target.getManager();
        long b = raw.getShape().get(0);
        NDArray c = raw.reshape(b, context).repeat(0, samples);
        NDArray[] affine = outputAffine(m);
        NDArray first = draw(m, c, b, fixed, affine);
        NDArray second = draw(m, c, b, fixed, affine);
        NDArray third = draw(m, c, b, fixed, affine);
        NDArray score = EnergyScore.estimate(target, first, second, third);
        // a window counts only when its whole future was observed: the score is about the joint path
        NDArray whole = mask.sum(new int[] {1}).gte(horizon - 0.5f).toType(score.getDataType(), false);
        return HeadMath.maskedMean(score, whole);
    }

    private NDArray draw(NDManager m, NDArray c, long b, SplittableRandom fixed, NDArray[] affine) {
        Shape shape = new Shape(b * samples, horizon);
        NDArray x = fixed == null ? m.randomNormal(shape) : m.create(gaussians(fixed, (int) shape.size()), shape);
        return map(x, c, affine).reshape(b, samples, horizon);
    }

    private static float[] gaussians(SplittableRandom random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    @Override
    public double[][] paths(float[] raw, int offset, double location, double scale, long pathSeed) {
        NDManager base = picnn.parameters().get(0).getManager();
        double[][] drawn = new double[paths][horizon];
        try (NDManager m = base.newSubManager()) {
            float[] c = new float[context];
            System.arraycopy(raw, offset, c, 0, context);
            NDArray x = m.create(gaussians(new SplittableRandom(pathSeed), paths * horizon), new Shape(paths, horizon));
            NDArray ctx = m.create(c, new Shape(1, context)).repeat(0, paths);
            float[] out = map(x, ctx, outputAffine(m)).toFloatArray();
            for (int p = 0; p < paths; p++) {
                for (int k = 0; k < horizon; k++) {
                    drawn[p][k] = location + out[p * horizon + k] * scale;
                }
            }
        }
        return drawn;
    }

    @Override
    public void writeParameters(DataOutputStream out) throws IOException {
        byte[] bytes = new NDList(picnn.parameters()).encode();
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeFloat(scale);
        for (int h = 0; h < horizon; h++) {
            out.writeFloat(location == null ? 0f : location[h]);
        }
    }

    @Override
    public void readParameters(NDManager manager, DataInputStream in) throws IOException {
        int length = in.readInt();
        // bounded by what is left before anything is allocated: the bytes come from a file
        if (length < 4 || length > in.available()) {
            throw new IOException("its head's parameters claim " + length + " bytes, and " + in.available() + " are left");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        EncodedArrays.check(bytes);
        NDList list = NDList.decode(manager, bytes);
        List<NDArray> owned = new ArrayList<>();
        for (NDArray p : list) {
            owned.add(p.duplicate());
        }
        picnn = Picnn.of(icnnHidden, icnnLayers, owned);
        scale = in.readFloat();
        location = new float[horizon];
        for (int h = 0; h < horizon; h++) {
            location[h] = in.readFloat();
        }
        if (!(Float.isFinite(scale) && scale > 0) || !allFinite(location)) {
            throw new IOException("its head's scale or location is not a finite number");
        }
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
