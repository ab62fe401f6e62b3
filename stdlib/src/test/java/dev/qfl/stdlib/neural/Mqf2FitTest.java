package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.store.ModelStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny end-to-end mqf2 fits: joint paths, determinism and persistence. */
class Mqf2FitTest {
    private static final Panel PANEL = SyntheticPanels.weekly(5, 120, 11);

    @TempDir
    Path dir;

    static ModelSpec spec(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of("horizon", 5, "epochs", 3, "batch", 16, "hidden", 12,
                "icnn_hidden", 8, "samples", 8, "paths", 300));
        given.putAll(extra);
        return new Mqf2Kind().resolve(given, PANEL.frequency());
    }

    private static double[][] paths(TrainedModel model) {
        SeriesForecast s = model.forecast("j", PANEL, FitContext.silent("j")).series().get(2);
        JointDistribution joint = s.jointDistribution().orElseThrow();
        return joint.sample(300, new SplittableRandom(1));
    }

    @Test
    void defaultsFollowTheHorizon() {
        ModelSpec spec = new Mqf2Kind().resolve(Map.of("horizon", 7), PANEL.frequency());
        assertTrue(spec.option("context").isEmpty(), "the fit chooses the context from the data");
        assertEquals(7, spec.intOption("season"));
        assertEquals(false, spec.option("refit").orElseThrow(), "mqf2 keeps its validated fit (not measured with refit)");
        assertEquals(40, spec.intOption("hidden"));
        assertEquals(64, spec.intOption("batch"));
        assertEquals(2000, spec.intOption("paths"));
        assertEquals(50, spec.intOption("samples"));
    }

    @Test
    void trainingLowersTheEnergyScoreAndGivesJointPaths() throws Exception {
        IqfFitTest.Recorder recorder = new IqfFitTest.Recorder();
        try (NeuralModel model = (NeuralModel) new Mqf2Kind().fit(PANEL, spec(Map.of("epochs", 5)),
                new FitContext("j", recorder))) {
            assertEquals(5, recorder.epochs.size());
            assertTrue(recorder.epochs.get(4).trainLoss() < recorder.epochs.get(0).trainLoss(), "" + recorder.epochs);
            ForecastSet f = model.forecast("j", PANEL, FitContext.silent("j"));
            assertEquals(5, f.series().size());
            for (SeriesForecast s : f.series()) {
                JointDistribution joint = s.jointDistribution().orElseThrow();
                assertEquals(5, joint.dimension());
                double[][] drawn = joint.sample(300, new SplittableRandom(2));
                for (int h = 1; h <= 5; h++) {
                    // the marginal is the empirical distribution of the paths' h-th values
                    double[] column = new double[drawn.length];
                    for (int p = 0; p < drawn.length; p++) {
                        column[p] = drawn[p][h - 1];
                        assertTrue(drawn[p][h - 1] >= 0, "non-negative series: paths are floored at zero");
                    }
                    java.util.Arrays.sort(column);
                    assertEquals(column[149] / 2 + column[150] / 2, s.step(h).quantile(0.5), 1e-9);
                    assertTrue(s.step(h).quantile(0.9) > s.step(h).quantile(0.1));
                }
            }
        }
    }

    @Test
    void aFixedSeedGivesIdenticalPaths() throws Exception {
        try (NeuralModel a = (NeuralModel) new Mqf2Kind().fit(PANEL, spec(Map.of("epochs", 1, "seed", 4)), FitContext.silent("j"));
             NeuralModel b = (NeuralModel) new Mqf2Kind().fit(PANEL, spec(Map.of("epochs", 1, "seed", 4)), FitContext.silent("j"))) {
            double[][] first = paths(a);
            double[][] second = paths(b);
            for (int p = 0; p < first.length; p++) {
                assertArrayEquals(first[p], second[p]);
            }
        }
    }

    @Test
    void jointMembersWithTheirOwnContextsSaveAndLoadAsOneModel() throws Exception {
        Path file = dir.resolve("varied.qflm");
        ModelSpec spec = spec(Map.of("epochs", 1, "ensemble", 2, "vary", "context"));
        try (NeuralModel model = (NeuralModel) new Mqf2Kind().fit(PANEL, spec, FitContext.silent("j"));
             NeuralModel same = (NeuralModel) new Mqf2Kind().fit(PANEL, spec(Map.of("epochs", 1, "ensemble", 2)),
                     FitContext.silent("j"))) {
            assertEquals(2, model.size());
            double[][] varied = paths(model);
            double[][] seeds = paths(same);
            boolean differ = false;
            for (int p = 0; p < varied.length && !differ; p++) {
                differ = !java.util.Arrays.equals(varied[p], seeds[p]);
            }
            assertTrue(differ, "the second member reads half the context, so the paths are not the seed-only ensemble's");
            ModelStore.write(file, model, PANEL.fingerprint());
            ModelStore.Loaded loaded = ModelStore.read(file, ModelRegistry.standard());
            double[][] back = paths(loaded.model());
            for (int p = 0; p < varied.length; p++) {
                assertArrayEquals(varied[p], back[p], "path " + p);
            }
            if (loaded.model() instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    @Test
    void aSavedModelAnswersExactlyLikeTheTrainedOne() throws Exception {
        Path file = dir.resolve("joint.qflm");
        try (NeuralModel model = (NeuralModel) new Mqf2Kind().fit(PANEL, spec(Map.of("epochs", 2)), FitContext.silent("j"))) {
            ModelStore.write(file, model, PANEL.fingerprint());
            ModelStore.Loaded loaded = ModelStore.read(file, ModelRegistry.standard());
            assertEquals("mqf2", loaded.kind().name());
            double[][] trained = paths(model);
            double[][] back = paths(loaded.model());
            for (int p = 0; p < trained.length; p++) {
                assertArrayEquals(trained[p], back[p], "path " + p);
            }
            if (loaded.model() instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
