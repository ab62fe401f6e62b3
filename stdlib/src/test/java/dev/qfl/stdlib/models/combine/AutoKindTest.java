package dev.qfl.stdlib.models.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.models.local.ToyKinds;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutoKindTest {
    private final AutoKind auto = new AutoKind(List.<ModelKind>of(new ToyKinds.Walk(), new ToyKinds.Level()));

    private static Panel panel() {
        return panel("fp");
    }

    /** "noise" is i.i.d. around 100 (the level model is right), "walk" a random walk (the walk model is). */
    static Panel panel(String fingerprint) {
        SplittableRandom r = new SplittableRandom(11);
        double[] noise = new double[120];
        double[] walk = new double[120];
        double x = 50;
        for (int t = 0; t < 120; t++) {
            noise[t] = 100 + r.nextGaussian();
            x += 3 * r.nextGaussian();
            walk[t] = x;
        }
        LocalDateTime start = LocalDateTime.of(2010, 1, 1, 0, 0);
        return new Panel("p", Frequency.MONTH, List.of(TimeSeries.of("noise", Frequency.MONTH, start, noise),
                TimeSeries.of("walk", Frequency.MONTH, start, walk)), Support.REAL, fingerprint, "test");
    }

    @Test
    void eachSeriesGetsTheCandidateThatForecastItBest() {
        ModelSpec spec = auto.resolve(Map.of("horizon", 6, "candidates", List.of("walk", "level"), "top", 1, "windows", 4,
                "pooling", 0.0),
                Frequency.MONTH);
        AutoModel model = (AutoModel) auto.fit(panel(), spec, FitContext.silent("a"));
        assertEquals(List.of(0.0, 1.0), List.of(model.weights().weights().get("noise")[0], model.weights().weights().get("noise")[1]));
        assertEquals(1.0, model.weights().weights().get("walk")[0]);
        assertTrue(model.describe().contains("level 1") && model.describe().contains("walk 1"), model.describe());
        assertEquals("level 1.00", model.choices().get("noise"));
        ForecastSet f = model.forecast("a", panel(), FitContext.silent("a"));
        Panel p = panel();
        double[] walk = p.series().get(1).values();
        assertEquals(walk[walk.length - 1], f.find("walk").orElseThrow().step(3).quantile(0.5), 1e-9);
    }

    @Test
    void fullPoolingGivesEverySeriesThePanelsBestCandidate() {
        // i.i.d. series and one walk: on its own each series picks its true model; fully pooled, all share one
        SplittableRandom r = new SplittableRandom(5);
        LocalDateTime start = LocalDateTime.of(2010, 1, 1, 0, 0);
        List<TimeSeries> series = new java.util.ArrayList<>(panel().series());
        for (int i = 0; i < 2; i++) {
            double[] v = new double[120];
            for (int t = 0; t < 120; t++) {
                v[t] = 10 + r.nextGaussian();
            }
            series.add(TimeSeries.of("noise" + i, Frequency.MONTH, start, v));
        }
        Panel p = new Panel("p", Frequency.MONTH, series, Support.REAL, "fp4", "test");
        AutoModel pooled = (AutoModel) auto.fit(p, auto.resolve(Map.of("horizon", 6, "candidates", List.of("walk", "level"),
                "windows", 4, "pooling", 1.0), Frequency.MONTH), FitContext.silent("a"));
        assertEquals(1, new java.util.HashSet<>(pooled.choices().values()).size(), pooled.choices().toString());
        AutoModel own = (AutoModel) auto.fit(p, auto.resolve(Map.of("horizon", 6, "candidates", List.of("walk", "level"),
                "windows", 4, "pooling", 0.0), Frequency.MONTH), FitContext.silent("a"));
        assertEquals("walk 1.00", own.choices().get("walk"), own.choices().toString());
        assertEquals("level 1.00", own.choices().get("noise0"), own.choices().toString());
    }

    @Test
    void theTopTwoAreAveragedLevelByLevel() {
        ModelSpec spec = auto.resolve(Map.of("horizon", 2, "candidates", List.of("walk", "level"), "top", 2), Frequency.MONTH);
        AutoModel model = (AutoModel) auto.fit(panel(), spec, FitContext.silent("a"));
        Panel p = panel();
        ForecastSet walkOnly = new ToyKinds.Walk().fit(p, new ToyKinds.Walk().resolve(Map.of("horizon", 2), Frequency.MONTH),
                FitContext.silent("w")).forecast("w", p, FitContext.silent("w"));
        ForecastSet levelOnly = new ToyKinds.Level().fit(p, new ToyKinds.Level().resolve(Map.of("horizon", 2), Frequency.MONTH),
                FitContext.silent("l")).forecast("l", p, FitContext.silent("l"));
        double expected = 0.5 * walkOnly.find("noise").orElseThrow().step(2).quantile(0.8)
                + 0.5 * levelOnly.find("noise").orElseThrow().step(2).quantile(0.8);
        assertEquals(expected, model.forecast("a", p, FitContext.silent("a")).find("noise").orElseThrow().step(2).quantile(0.8), 1e-9);
    }

    @Test
    void unknownCandidatesAreRefusedBeforeFitting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> auto.resolve(Map.of("horizon", 2, "candidates", List.of("walk", "prophet")), Frequency.MONTH));
        assertTrue(e.getMessage().contains("prophet"), e.getMessage());
    }
}
