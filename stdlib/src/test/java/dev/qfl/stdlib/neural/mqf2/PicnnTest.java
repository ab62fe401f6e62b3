package dev.qfl.stdlib.neural.mqf2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.qfl.stdlib.neural.CpuTensors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PICNN's explicit input gradient against the engine's own backward pass and against central
 * finite differences; convexity of F along random chords; monotonicity of ∇F. In double precision,
 * on random parameters (the gates too, not only their zero start).
 */
class PicnnTest {
    private static final int DIM = 7;
    private static final int HIDDEN = 20;
    private static final int CONTEXT = 10;
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = CpuTensors.manager();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    private static NDArray random(SplittableRandom r, Shape shape, double spread) {
        double[] v = new double[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (r.nextDouble() * 2 - 1) * spread;
        }
        return manager.create(v, shape);
    }

    /** A network whose every parameter, gates and normalisations included, is random. */
    static Picnn randomNetwork(int layers, long seed) {
        Picnn base = Picnn.initialize(manager, DIM, HIDDEN, CONTEXT, layers, DataType.FLOAT64, seed);
        SplittableRandom r = new SplittableRandom(seed + 100);
        List<NDArray> randomized = new ArrayList<>();
        for (NDArray p : base.parameters()) {
            randomized.add(random(r, p.getShape(), 0.5));
        }
        return base.with(randomized);
    }

    @ParameterizedTest(name = "layers = {0}")
    @ValueSource(ints = {2, 3})
    void explicitGradientEqualsTheEnginesBackwardPass(int layers) {
        Picnn f = randomNetwork(layers, 1);
        SplittableRandom r = new SplittableRandom(2);
        NDArray x = random(r, new Shape(64, DIM), 2);
        NDArray c = random(r, new Shape(64, CONTEXT), 1);
        x.setRequiresGradient(true);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            gc.backward(f.potential(x, c).sum());
        }
        double[] autograd = x.getGradient().toDoubleArray();
        double[] explicit = f.gradient(x, c).toDoubleArray();
        for (int i = 0; i < autograd.length; i++) {
            assertEquals(autograd[i], explicit[i], 1e-10 * Math.max(1, Math.abs(autograd[i])), "component " + i);
        }
    }

    @ParameterizedTest(name = "layers = {0}")
    @ValueSource(ints = {2, 3})
    void explicitGradientEqualsCentralFiniteDifferences(int layers) {
        Picnn f = randomNetwork(layers, 3);
        SplittableRandom r = new SplittableRandom(4);
        double[] x = random(r, new Shape(1, DIM), 2).toDoubleArray();
        NDArray c = random(r, new Shape(1, CONTEXT), 1);
        double[] gradient = f.gradient(manager.create(x, new Shape(1, DIM)), c).toDoubleArray();
        double h = 1e-5;
        for (int i = 0; i < DIM; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (f.potential(manager.create(plus, new Shape(1, DIM)), c).getDouble(0, 0)
                    - f.potential(manager.create(minus, new Shape(1, DIM)), c).getDouble(0, 0)) / (2 * h);
            assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(fd)), "component " + i);
        }
    }

    @ParameterizedTest(name = "layers = {0}")
    @ValueSource(ints = {2, 3})
    void convexAlongChordsAndMonotoneInGradient(int layers) {
        Picnn f = randomNetwork(layers, 5);
        SplittableRandom r = new SplittableRandom(6);
        int n = 2000;
        NDArray a = random(r, new Shape(n, DIM), 3);
        NDArray b = random(r, new Shape(n, DIM), 3);
        NDArray c = random(r, new Shape(n, CONTEXT), 1);
        NDArray lambda = random(r, new Shape(n, 1), 0.5).add(0.5);
        NDArray mix = a.mul(lambda).add(b.mul(lambda.neg().add(1)));
        double[] fa = f.potential(a, c).toDoubleArray();
        double[] fb = f.potential(b, c).toDoubleArray();
        double[] fm = f.potential(mix, c).toDoubleArray();
        double[] l = lambda.toDoubleArray();
        double[] inner = f.gradient(a, c).sub(f.gradient(b, c)).mul(a.sub(b)).sum(new int[] {1}).toDoubleArray();
        for (int i = 0; i < n; i++) {
            double chord = l[i] * fa[i] + (1 - l[i]) * fb[i];
            assertTrue(fm[i] <= chord + 1e-9 * Math.max(1, Math.abs(chord)), "not convex on pair " + i);
            assertTrue(inner[i] >= -1e-9, "gradient not monotone on pair " + i + ": " + inner[i]);
        }
    }

    /**
     * What training differentiates: a loss of the forecast map, d/dθ Σ w ⊙ ∇ₓF(x; c). Through the
     * hand-written gradient this needs one ordinary backward pass; the engine can also get it by a
     * backward pass that keeps its graph followed by a second one (the double backward, which leaks
     * in a training loop but is fine once in a test). Both must agree for every parameter.
     */
    @ParameterizedTest(name = "layers = {0}")
    @ValueSource(ints = {2, 3})
    void trainingGradientEqualsTheEnginesDoubleBackward(int layers) {
        Picnn f = randomNetwork(layers, 7);
        SplittableRandom r = new SplittableRandom(8);
        NDArray x = random(r, new Shape(16, DIM), 2);
        NDArray c = random(r, new Shape(16, CONTEXT), 1);
        NDArray w = random(r, new Shape(16, DIM), 1);
        List<double[]> explicit = new ArrayList<>();
        List<NDArray> first = new ArrayList<>();
        for (NDArray p : f.parameters()) {
            NDArray leaf = p.duplicate();
            leaf.setRequiresGradient(true);
            first.add(leaf);
        }
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            gc.backward(f.with(first).gradient(x, c).mul(w).sum());
        }
        for (NDArray leaf : first) {
            explicit.add(leaf.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
        }
        List<NDArray> second = new ArrayList<>();
        for (NDArray p : f.parameters()) {
            NDArray leaf = p.duplicate();
            leaf.setRequiresGradient(true);
            second.add(leaf);
        }
        NDArray xs = x.duplicate();
        xs.setRequiresGradient(true);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray potential = f.with(second).potential(xs, c).sum();
            JniUtils.backward((PtNDArray) potential, (PtNDArray) manager.ones(potential.getShape(), potential.getDataType()),
                    true, true);
            NDArray gradX = xs.getGradient();
            for (NDArray leaf : second) {
                JniUtils.zeroGrad((PtNDArray) leaf);   // drop dF/dθ that the first pass wrote
            }
            gc.backward(gradX.mul(w).sum());
        }
        int compared = 0;
        for (int k = 0; k < second.size(); k++) {
            double[] engine = second.get(k).getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
            double[] mine = explicit.get(k);
            for (int i = 0; i < engine.length; i++) {
                assertEquals(engine[i], mine[i], 1e-9 * Math.max(1, Math.abs(engine[i])), "parameter " + k + "[" + i + "]");
                compared += engine[i] != 0 ? 1 : 0;
            }
        }
        assertTrue(compared > 100, "most parameters take part: " + compared);
    }
}
