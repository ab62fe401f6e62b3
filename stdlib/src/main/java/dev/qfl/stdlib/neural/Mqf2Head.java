package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.SampledJoint;
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
final class Mqf2Head implements QuantileHead {
    private final int horizon;
    private final int context;
    private final int icnnHidden;
    private final int icnnLayers;
    private final int samples;
    private final int paths;
    private final long seed;
    private Picnn picnn;

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
    public int outputsPerStep() {
        return context;
    }

    @Override
    public int networkSteps(int h) {
        return 1;
    }

    @Override
    public List<NDArray> parameters() {
        return picnn == null ? List.of() : picnn.parameters();
    }

    @Override
    public void prepare(NDArray raw, NDArray target) {
        NDManager m = raw.getManager();
        long b = raw.getShape().get(0);
        Picnn fresh = Picnn.initialize(m, horizon, icnnHidden, context, icnnLayers, DataType.FLOAT32, seed);
        Picnn ready = fresh.normalisedOn(m.randomNormal(new Shape(b, horizon)), raw.reshape(b, context));
        for (NDArray p : ready.parameters()) {
            p.setRequiresGradient(true);
        }
        picnn = ready;
    }

    @Override
    public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
        NDManager m = target.getManager();
        long b = raw.getShape().get(0);
        NDArray c = raw.reshape(b, context).repeat(0, samples);
        NDArray first = draw(m, c, b);
        NDArray second = draw(m, c, b);
        NDArray third = draw(m, c, b);
        NDArray score = EnergyScore.estimate(target, first, second, third);
        // a window counts only when its whole future was observed: the score is about the joint path
        NDArray whole = mask.sum(new int[] {1}).gte(horizon - 0.5f).toType(score.getDataType(), false);
        return score.mul(whole).sum().div(whole.sum().clip(1f, Float.MAX_VALUE));
    }

    private NDArray draw(NDManager m, NDArray c, long b) {
        NDArray x = m.randomNormal(new Shape(b * samples, horizon));
        return picnn.gradient(x, c).reshape(b, samples, horizon);
    }

    @Override
    public QuantileFunction distribution(float[] raw, int offset, double scale) {
        throw new UnsupportedOperationException("mqf2 answers from joint paths; see forecast()");
    }

    @Override
    public Forecast forecast(float[] raw, int offset, double scale, int h, long pathSeed) {
        NDManager base = picnn.parameters().get(0).getManager();
        double[][] drawn = new double[paths][horizon];
        try (NDManager m = base.newSubManager()) {
            float[] c = new float[context];
            System.arraycopy(raw, offset, c, 0, context);
            float[] eps = new float[paths * horizon];
            SplittableRandom r = new SplittableRandom(pathSeed);
            for (int i = 0; i < eps.length; i++) {
                eps[i] = (float) r.nextGaussian();
            }
            NDArray x = m.create(eps, new Shape(paths, horizon));
            NDArray ctx = m.create(c, new Shape(1, context)).repeat(0, paths);
            float[] out = picnn.gradient(x, ctx).toFloatArray();
            for (int p = 0; p < paths; p++) {
                for (int k = 0; k < horizon; k++) {
                    drawn[p][k] = out[p * horizon + k] * scale;
                }
            }
        }
        List<QuantileFunction> steps = new ArrayList<>(horizon);
        for (int k = 0; k < horizon; k++) {
            double[] column = new double[paths];
            for (int p = 0; p < paths; p++) {
                column[p] = drawn[p][k];
            }
            steps.add(EmpiricalQuantileFunction.of(column));
        }
        return new Forecast(steps, new SampledJoint(drawn));
    }

    @Override
    public void writeParameters(DataOutputStream out) throws IOException {
        byte[] bytes = new NDList(picnn.parameters()).encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void readParameters(NDManager manager, DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        NDList list = NDList.decode(manager, bytes);
        List<NDArray> owned = new ArrayList<>();
        for (NDArray p : list) {
            owned.add(p.duplicate());
        }
        picnn = Picnn.of(icnnHidden, icnnLayers, owned);
    }
}
