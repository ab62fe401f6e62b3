package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny end-to-end fits: a few epochs on a handful of synthetic series. */
class IqfFitTest {
    static final Panel PANEL = SyntheticPanels.weekly(6, 150, 3);

    static ModelSpec spec(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of("horizon", 7, "epochs", 4, "batch", 32, "hidden", 16,
                "knots", 9, "ensemble", 1));
        given.putAll(extra);
        return new IqfKind().resolve(given, PANEL.frequency());
    }

    static final class Recorder implements Reporter {
        final List<EpochReport> epochs = new ArrayList<>();

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void epoch(EpochReport report) {
            epochs.add(report);
        }
    }

    @Test
    void trainingLowersTheLossAndForecastsNeverCross() throws Exception {
        Recorder recorder = new Recorder();
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(PANEL, spec(Map.of("refit", false)),
                new FitContext("iq", recorder))) {
            assertEquals(4, recorder.epochs.size());
            assertTrue(recorder.epochs.get(3).trainLoss() < recorder.epochs.get(0).trainLoss(),
                    "loss should fall: " + recorder.epochs);
            assertTrue(Double.isFinite(recorder.epochs.get(3).validationLoss()));
            ForecastSet f = model.forecast("iq", PANEL, FitContext.silent("iq"));
            assertEquals(6, f.series().size());
            for (SeriesForecast s : f.series()) {
                assertEquals(7, s.horizon());
                for (int h = 1; h <= 7; h++) {
                    double previous = Double.NEGATIVE_INFINITY;
                    for (int i = 1; i < 100; i++) {
                        double q = s.step(h).quantile(i / 100.0);
                        assertTrue(q >= previous && q >= 0, "monotone and floored at zero");
                        previous = q;
                    }
                }
            }
        }
    }

    @Test
    void iqfDefaultsToThreeMembersOfVaryingContextOnSmoothingStatesAndCountsWhereTheDataAre() {
        ModelSpec spec = new IqfKind().resolve(Map.of("horizon", 7), PANEL.frequency());
        assertEquals(3, spec.intOption("ensemble"));
        assertEquals("smoothing", spec.stringOption("centre"));
        assertEquals("context", spec.stringOption("vary"));
        assertEquals("auto", spec.stringOption("counts"));
        assertEquals(true, spec.option("refit").orElseThrow());
        assertEquals(7, spec.intOption("season"));
        assertTrue(spec.option("context").isEmpty());
        // two seasons or two horizons (14); on 20-point series at most max(a horizon, half of the 13 points before the last horizon)
        assertEquals(14, WindowLayout.defaultContext(PANEL, 7, 7));
        assertEquals(7, WindowLayout.defaultContext(SyntheticPanels.weekly(3, 20, 1), 7, 7));
    }

    @Test
    void refitTrainsAgainOnAllDataForTheChosenEpochs() throws Exception {
        Recorder recorder = new Recorder();
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(PANEL, spec(Map.of("epochs", 3)),
                new FitContext("iq", recorder))) {
            int best = model.summary().bestEpoch();
            assertEquals(3, model.summary().epochs());
            assertEquals(3 + best, recorder.epochs.size(), "validated epochs, then the chosen number again on all data");
            for (int i = 3; i < recorder.epochs.size(); i++) {
                assertTrue(Double.isNaN(recorder.epochs.get(i).validationLoss()), "the refit has no held-out data");
            }
            assertTrue(Double.isFinite(model.summary().validationLoss()));
        }
    }

    @Test
    void anEnsembleAveragesItsMembersLevelByLevelAndSavesThemAll() throws Exception {
        ModelSpec three = spec(Map.of("epochs", 1, "ensemble", 3, "refit", false, "vary", "seed", "combine", "average"));
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(PANEL, three, FitContext.silent("iq"));
             NeuralModel first = single(0, null);
             NeuralModel second = single(1, null);
             NeuralModel third = single(2, null);
             NeuralModel back = reloaded(model, three)) {
            assertEquals(3, model.size());
            SeriesForecast avg = assertAverageOf(model, List.of(first, second, third),
                    "member i is the single model with seed + i; the ensemble is their level-by-level mean");
            assertEquals(3, back.size());
            assertEquals(model.contextLength(), back.contextLength());
            SeriesForecast again = back.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1);
            assertEquals(avg.step(2).quantile(0.3), again.step(2).quantile(0.3), 1e-9);
        }
    }

    @Test
    void membersThatVaryByContextAreTheSingleModelsWithThoseContextsMixed() throws Exception {
        // the chosen context here is 14 (two weekly seasons); members 1 and 2 read 7 and 21 steps
        ModelSpec three = spec(Map.of("epochs", 1, "ensemble", 3, "refit", false, "vary", "context"));
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(PANEL, three, FitContext.silent("iq"));
             NeuralModel first = single(0, 14);
             NeuralModel second = single(1, 7);
             NeuralModel third = single(2, 21);
             NeuralModel back = reloaded(model, three)) {
            assertEquals(14, model.contextLength());
            SeriesForecast avg = assertMixtureOf(model, List.of(first, second, third),
                    "member i is the single model with seed + i and its own context; iqf mixes them");
            SeriesForecast again = back.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1);
            for (int h = 1; h <= 7; h++) {
                assertEquals(avg.step(h).quantile(0.3), again.step(h).quantile(0.3), 1e-9,
                        "a loaded model rebuilds each member with its own context");
            }
        }
    }

    @Test
    void aCountPanelAnswersWithWholeNumbersAndSoDoesTheModelLoadedBack() throws Exception {
        List<double[]> counts = new ArrayList<>();
        for (TimeSeries ts : PANEL.series()) {
            double[] v = new double[ts.length()];
            for (int t = 0; t < v.length; t++) {
                v[t] = Math.rint(ts.value(t));
            }
            counts.add(v);
        }
        Panel whole = IqfRealPatternsTest.panel("whole", PANEL.frequency(), counts, Support.NONNEGATIVE);
        ModelSpec spec = spec(Map.of("epochs", 1));
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(whole, spec, FitContext.silent("iq"));
             NeuralModel back = reloaded(model, spec)) {
            SeriesForecast trained = model.forecast("iq", whole, FitContext.silent("iq")).series().get(1);
            SeriesForecast loaded = back.forecast("iq", whole, FitContext.silent("iq")).series().get(1);
            for (double level : new double[] {0.1, 0.5, 0.93}) {
                double q = trained.step(3).quantile(level);
                assertEquals(Math.rint(q), q, 0.0, "whole numbers at " + level);
                assertEquals(q, loaded.step(3).quantile(level), 0.0, "the loaded model still answers as counts");
            }
        }
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(PANEL, spec, FitContext.silent("iq"))) {
            double q = model.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1).step(3).quantile(0.5);
            assertTrue(q != Math.rint(q), "a panel with fractions keeps continuous answers: " + q);
        }
    }

    /** A one-epoch single model with {@code seed} (and {@code context}, unless null). */
    private static NeuralModel single(int seed, Integer context) {
        Map<String, Object> options = new HashMap<>(Map.of("epochs", 1, "refit", false, "seed", seed));
        if (context != null) {
            options.put("context", context);
        }
        return (NeuralModel) new IqfKind().fit(PANEL, spec(options), FitContext.silent("iq"));
    }

    /** Asserts that the ensemble's step-2 quantiles of series 1 are its members' mean; returns that forecast. */
    private static SeriesForecast assertAverageOf(NeuralModel ensemble, List<NeuralModel> singles, String why) {
        SeriesForecast avg = ensemble.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1);
        List<SeriesForecast> members = singles.stream()
                .map(m -> m.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1)).toList();
        for (double level : new double[] {0.05, 0.3, 0.5, 0.9}) {
            double expected = members.stream().mapToDouble(s -> s.step(2).quantile(level)).average().orElseThrow();
            assertEquals(expected, avg.step(2).quantile(level), 1e-6 * Math.max(1, Math.abs(expected)), why);
        }
        return avg;
    }

    /**
     * Asserts that the ensemble's step-2 distribution of series 1 is its members' mixture: its CDF
     * the mean of theirs, its quantiles where that mean reaches the level. Returns that forecast.
     */
    private static SeriesForecast assertMixtureOf(NeuralModel ensemble, List<NeuralModel> singles, String why) {
        SeriesForecast mix = ensemble.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1);
        List<SeriesForecast> members = singles.stream()
                .map(m -> m.forecast("iq", PANEL, FitContext.silent("iq")).series().get(1)).toList();
        for (double level : new double[] {0.05, 0.3, 0.5, 0.9}) {
            for (SeriesForecast member : members) {
                double x = member.step(2).quantile(level);
                double expected = members.stream().mapToDouble(s -> s.step(2).cdf(x)).average().orElseThrow();
                assertEquals(expected, mix.step(2).cdf(x), 1e-9, why);
            }
            double q = mix.step(2).quantile(level);
            double reached = members.stream().mapToDouble(s -> s.step(2).cdf(q)).average().orElseThrow();
            assertEquals(level, reached, 1e-6, why + ": the quantile at " + level);
        }
        return mix;
    }

    /** The model written out and read back as {@code spec}. */
    private static NeuralModel reloaded(NeuralModel model, ModelSpec spec) throws java.io.IOException {
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        model.writeParameters(saved);
        return (NeuralModel) new IqfKind().readParameters(spec, model.summary(),
                new java.io.ByteArrayInputStream(saved.toByteArray()));
    }

    @Test
    void parametersOfAnotherLayoutAreRefusedClearly() {
        byte[] old = new byte[64];   // an earlier layout starts with the network's own bytes, not this format
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> new IqfKind().readParameters(spec(Map.of()),
                dev.qfl.stdlib.model.TrainingSummary.instant(1, java.time.Duration.ZERO),
                new java.io.ByteArrayInputStream(old)));
        assertTrue(e.getMessage().contains("another layout"), e.getMessage());
    }

    @Test
    void aFixedSeedGivesIdenticalForecasts() throws Exception {
        double[] first = forecastMedians(spec(Map.of("epochs", 2, "seed", 5)));
        double[] second = forecastMedians(spec(Map.of("epochs", 2, "seed", 5)));
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
    }

    private static double[] forecastMedians(ModelSpec spec) throws Exception {
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(PANEL, spec, FitContext.silent("iq"))) {
            ForecastSet f = model.forecast("iq", PANEL, FitContext.silent("iq"));
            return f.series().stream().mapToDouble(s -> s.step(1).quantile(0.5)).toArray();
        }
    }

    @Test
    void lstmEncoderAndSplinePiecesTrainToo() throws Exception {
        TrainedModel m = new IqfKind().fit(PANEL, spec(Map.of("encoder", "lstm", "pieces", 3, "epochs", 1)),
                FitContext.silent("iq"));
        try (NeuralModel model = (NeuralModel) m) {
            SeriesForecast s = model.forecast("iq", PANEL, FitContext.silent("iq")).series().get(0);
            assertTrue(s.step(1).quantile(0.9) > s.step(1).quantile(0.1));
        }
    }

    @Test
    void aLossThatStopsBeingANumberStopsTrainingWithAClearError() {
        IqfHead real = new IqfKind().head(spec(Map.of()));
        UnivariateHead poisoned = new UnivariateHead() {
            @Override
            public int outputsPerStep() {
                return real.outputsPerStep();
            }

            @Override
            public ai.djl.ndarray.NDArray loss(ai.djl.ndarray.NDArray raw, ai.djl.ndarray.NDArray target,
                                               ai.djl.ndarray.NDArray mask) {
                return real.loss(raw, target, mask).mul(Float.NaN);
            }

            @Override
            public dev.qfl.stdlib.dist.QuantileFunction distribution(float[] raw, int offset, double location, double scale) {
                return real.distribution(raw, offset, location, scale);
            }
        };
        QflException e = assertThrows(QflException.class,
                () -> NeuralTrainer.fit(PANEL, spec(Map.of()), () -> poisoned, FitContext.silent("iq")));
        assertEquals("QF4101", e.code());
        assertTrue(e.getMessage().contains("no longer a number"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("lr:"), e.hint().orElseThrow());
    }

    @Test
    void maxTimeBoundsAFitAndKeepsTheBestEpoch() throws Exception {
        TrainedModel m = new IqfKind().fit(PANEL, spec(Map.of("epochs", 30, "max_time", java.time.Duration.ofMillis(1))),
                FitContext.silent("iq"));
        try (NeuralModel model = (NeuralModel) m) {
            assertEquals("max_time", model.summary().stopReason());
            assertEquals(1, model.summary().epochs());
            assertEquals(1, model.summary().bestEpoch());
        }
    }

    @Test
    void gpuOnACpuBuildIsAClearError() {
        QflException e = assertThrows(QflException.class,
                () -> new IqfKind().fit(PANEL, spec(Map.of("device", "gpu")), FitContext.silent("iq")));
        assertEquals("QF4102", e.code());
    }

    @Test
    void cancellationStopsTraining() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class,
                    () -> new IqfKind().fit(PANEL, spec(Map.of()), FitContext.silent("iq")));
        } finally {
            Thread.interrupted();
        }
    }
}
