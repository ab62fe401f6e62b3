package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.qfl.stdlib.dist.QuantileFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The training loss (tensor CRPS) against the independent query-time closed form in plain Java,
 * and its autograd gradient against finite differences of that closed form.
 */
class IqfHeadTest {
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = CpuTensors.manager();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    private static float[] randomRaw(SplittableRandom r, int d) {
        float[] raw = new float[d];
        for (int i = 0; i < d; i++) {
            raw[i] = (float) (r.nextDouble() * 3 - 1.5);
        }
        return raw;
    }

    /** Outcomes in the left tail, every interval, the right tail and far outside. */
    private static double[] outcomes(QuantileFunction q, SplittableRandom r) {
        return new double[] {q.quantile(0.001), q.quantile(0.03), q.quantile(0.2 + 0.6 * r.nextDouble()),
            q.quantile(0.97), q.quantile(0.9995), q.quantile(0.5) - 50, q.quantile(0.5) + 50};
    }

    @ParameterizedTest(name = "pieces = {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void tensorCrpsEqualsTheJavaClosedForm(int pieces) {
        SplittableRandom r = new SplittableRandom(pieces);
        for (int knots : new int[] {1, 3, 7}) {
            IqfHead head = new IqfHead(IqfHead.uniformLevels(knots), pieces);
            int d = head.outputsPerStep();
            for (int trial = 0; trial < 20; trial++) {
                float[] raw = randomRaw(r, d);
                QuantileFunction q = head.distribution(raw, 0, 0.0, 1.0);
                double[] z = outcomes(q, r);
                float[] rows = new float[z.length * d];
                for (int i = 0; i < z.length; i++) {
                    System.arraycopy(raw, 0, rows, i * d, d);
                }
                NDArray rawArray = Tensors.owned(manager, rows, new Shape(z.length, 1, d));
                NDArray target = Tensors.owned(manager, toFloat(z), new Shape(z.length, 1));
                float[] tensor = head.crps(rawArray, target).toFloatArray();
                for (int i = 0; i < z.length; i++) {
                    double expected = q.crps((float) z[i]);
                    assertEquals(expected, tensor[i], 2e-4 * Math.max(1, Math.abs(expected)),
                            "knots " + knots + ", pieces " + pieces + ", z = " + z[i]);
                }
            }
        }
    }

    /**
     * The floored loss against an independent integral: flooring at f changes the pinball loss
     * only where q(α) &lt; f ≤ y, by α·(f − q(α)), so CRPS_floored = CRPS − 2∫ α·max(f − q(α), 0) dα
     * (the head keeps a share {@link IqfHead#LEAK} of that difference),
     * integrated here by the midpoint rule on the Java function; floors in the left tail, inside
     * the spline and near the last knot, outcomes at the floor (zero demand) and above it.
     */
    @ParameterizedTest(name = "pieces = {0}")
    @ValueSource(ints = {1, 3})
    void flooredCrpsSubtractsTheIntegralBelowTheFloor(int pieces) {
        SplittableRandom r = new SplittableRandom(7 + pieces);
        for (int knots : new int[] {1, 4, 9}) {
            double[] levels = IqfHead.uniformLevels(knots);
            IqfHead head = new IqfHead(levels, pieces);
            int d = head.outputsPerStep();
            for (int trial = 0; trial < 6; trial++) {
                float[] raw = randomRaw(r, d);
                QuantileFunction q = head.distribution(raw, 0, 0.0, 1.0);
                for (double at : new double[] {1e-4, 0.02, 0.3 * levels[knots - 1], 0.99 * levels[knots - 1]}) {
                    double f = q.quantile(at) - (at == 1e-4 ? 3 : 0);
                    for (double z : new double[] {f, f + 0.05, q.quantile(0.6), f + 20}) {
                        float[] tensor = head.crps(Tensors.owned(manager, raw, new Shape(1, 1, d)),
                                Tensors.owned(manager, new float[] {(float) z}, new Shape(1, 1)),
                                Tensors.owned(manager, new float[] {(float) f}, new Shape(1, 1))).toFloatArray();
                        double below = 0;
                        int n = 200_000;
                        for (int i = 0; i < n; i++) {
                            double alpha = (i + 0.5) / n;
                            below += alpha * Math.max(f - q.quantile(alpha), 0) / n;
                        }
                        double expected = q.crps((float) z) - (1 - IqfHead.LEAK) * 2 * below;
                        assertEquals(expected, tensor[0], 3e-4 * Math.max(1, Math.abs(expected)),
                                "knots " + knots + ", floor at level " + at + ", z − f = " + (z - f));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "pieces = {0}")
    @ValueSource(ints = {1, 3})
    void gradientMatchesFiniteDifferencesOfTheClosedForm(int pieces) {
        SplittableRandom r = new SplittableRandom(100 + pieces);
        IqfHead head = new IqfHead(IqfHead.uniformLevels(5), pieces);
        int d = head.outputsPerStep();
        for (int trial = 0; trial < 12; trial++) {
            float[] raw = randomRaw(r, d);
            QuantileFunction q = head.distribution(raw, 0, 0.0, 1.0);
            double z = q.quantile(new double[] {0.02, 0.3, 0.6, 0.99}[trial % 4]) + 0.01;
            NDArray x = Tensors.owned(manager, raw, new Shape(1, 1, d));
            x.setRequiresGradient(true);
            float[] grad;
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                NDArray loss = head.loss(x, Tensors.owned(manager, new float[] {(float) z}, new Shape(1, 1)),
                        manager.ones(new Shape(1, 1)));
                gc.backward(loss);
            }
            grad = x.getGradient().toFloatArray();
            for (int i = 0; i < d; i++) {
                double eps = 1e-3;
                double[] plus = toDouble(raw);
                double[] minus = toDouble(raw);
                plus[i] += eps;
                minus[i] -= eps;
                double fd = (crps(head, plus, z) - crps(head, minus, z)) / (2 * eps);
                assertEquals(fd, grad[i], 2e-3 * Math.max(1, Math.abs(fd)), "d crps / d raw[" + i + "], trial " + trial);
            }
        }
    }

    /** The closed form in double precision, through the same domain map. */
    private static double crps(IqfHead head, double[] raw, double z) {
        return head.distribution(raw, 0.0, 1.0).crps(z);
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
