package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baseline heads: their tensor losses against independent computations, and tiny fits. */
class BaselineHeadsTest {
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = CpuTensors.manager();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    @Test
    void sqfTensorCrpsEqualsTheJavaClosedForm() {
        SplittableRandom r = new SplittableRandom(3);
        for (int pieces : new int[] {2, 4, 7}) {
            SqfHead head = new SqfHead(pieces);
            int d = head.outputsPerStep();
            for (int trial = 0; trial < 20; trial++) {
                float[] raw = new float[d];
                for (int i = 0; i < d; i++) {
                    raw[i] = (float) (r.nextDouble() * 3 - 1.5);
                }
                QuantileFunction q = head.distribution(raw, 0, 0.0, 1.0);
                double[] z = {q.quantile(0) - 1, q.quantile(0.1), q.quantile(0.5), q.quantile(0.93), q.quantile(1) + 2};
                float[] rows = new float[z.length * d];
                float[] targets = new float[z.length];
                for (int i = 0; i < z.length; i++) {
                    System.arraycopy(raw, 0, rows, i * d, d);
                    targets[i] = (float) z[i];
                }
                float[] tensor = head.crps(manager.create(rows, new Shape(z.length, 1, d)),
                        manager.create(targets, new Shape(z.length, 1))).toFloatArray();
                for (int i = 0; i < z.length; i++) {
                    double expected = q.crps(targets[i]);
                    assertEquals(expected, tensor[i], 2e-4 * Math.max(1, Math.abs(expected)), "pieces " + pieces);
                }
            }
        }
    }

    @Test
    void gaussianNllAndQuantilesFollowTheNormalDistribution() {
        GaussianHead head = new GaussianHead();
        float[] raw = {1.5f, 0.7f};
        double sd = HeadMath.softplus(0.7) + GaussianHead.MIN_SD;
        float loss = head.loss(manager.create(raw, new Shape(1, 1, 2)), manager.create(new float[] {2.5f}, new Shape(1, 1)),
                manager.ones(new Shape(1, 1))).getFloat();
        double z = (2.5 - 1.5) / sd;
        assertEquals(Math.log(sd) + z * z / 2, loss, 1e-5);
        NormalQuantileFunction q = (NormalQuantileFunction) head.distribution(raw, 0, 0.0, 2.0);
        NormalDistribution n = new NormalDistribution(3.0, 2 * sd);
        assertEquals(n.inverseCumulativeProbability(0.9), q.quantile(0.9), 1e-7);
        assertEquals(n.cumulativeProbability(4.0), q.cdf(4.0), 1e-8);
    }

    @Test
    void quantregPinballLossMatchesAHandComputation() {
        QuantregHead head = new QuantregHead(new double[] {0.1, 0.5, 0.9});
        float[] raw = {1f, 2f, 3f};
        float loss = head.loss(manager.create(raw, new Shape(1, 1, 3)), manager.create(new float[] {2.5f}, new Shape(1, 1)),
                manager.ones(new Shape(1, 1))).getFloat();
        // y = 2.5: level 0.1 under by 1.5 → 2·0.1·1.5; 0.5 under by 0.5 → 2·0.5·0.5; 0.9 over by 0.5 → 2·0.1·0.5
        double expected = (0.3 + 0.5 + 0.1) / 3;
        assertEquals(expected, loss, 1e-6);
    }

    @Test
    void everyBaselineTrainsOnATinyPanel() throws Exception {
        var panel = SyntheticPanels.weekly(4, 120, 1);
        for (NeuralKind kind : new NeuralKind[] {new GaussianKind(), new QuantregKind(), new SqfKind()}) {
            var spec = kind.resolve(Map.of("horizon", 5, "epochs", 2, "batch", 32, "hidden", 16), panel.frequency());
            TrainedModel m = kind.fit(panel, spec, FitContext.silent(kind.name()));
            try (NeuralModel model = (NeuralModel) m) {
                SeriesForecast s = model.forecast(kind.name(), panel, FitContext.silent(kind.name())).series().get(0);
                assertEquals(5, s.horizon());
                assertTrue(Double.isFinite(s.step(1).quantile(0.5)), kind.name());
            }
        }
    }
}
