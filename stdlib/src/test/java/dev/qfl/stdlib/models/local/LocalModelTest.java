package dev.qfl.stdlib.models.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocalModelTest {
    private static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 0, 0);

    private static Panel panel(Support support, TimeSeries... series) {
        return new Panel("p", Frequency.MONTH, List.of(series), support, "fp", "test");
    }

    @Test
    void eachSeriesGetsItsOwnFitAndShortSeriesAreSkippedWithAReason() {
        ToyKinds.Walk kind = new ToyKinds.Walk();
        ModelSpec spec = kind.resolve(Map.of("horizon", 3), Frequency.MONTH);
        assertEquals(12, spec.intOption("season"), "season from the frequency");
        Panel p = panel(Support.REAL, TimeSeries.of("a", Frequency.MONTH, START, new double[] {1, 2, 4, 3, 5}),
                TimeSeries.of("b", Frequency.MONTH, START, new double[] {7, 8}));
        ForecastSet f = kind.fit(p, spec, FitContext.silent("w")).forecast("w", p, FitContext.silent("w"));
        assertEquals(1, f.series().size());
        assertEquals("b", f.skipped().get(0).id());
        assertTrue(f.skipped().get(0).reason().contains("needs at least 3"), f.skipped().get(0).reason());
        SeriesForecast a = f.series().get(0);
        double s2 = (1 + 4 + 1 + 4) / 4.0;
        assertEquals(5.0, a.step(2).quantile(0.5), 1e-12);
        // N(5, 2 s2) at 0.9: 5 + 1.2815515655 * sqrt(2 s2)
        assertEquals(5 + 1.2815515655446004 * Math.sqrt(2 * s2), a.step(2).quantile(0.9), 1e-9);
        assertEquals(START.plusMonths(4), a.origin());
    }

    @Test
    void nonNegativeDataIsFlooredInMarginalsAndPaths() {
        ToyKinds.Walk kind = new ToyKinds.Walk();
        ModelSpec spec = kind.resolve(Map.of("horizon", 4), Frequency.MONTH);
        Panel p = panel(Support.NONNEGATIVE, TimeSeries.of("a", Frequency.MONTH, START, new double[] {0, 3, 0, 4, 0}));
        SeriesForecast a = kind.fit(p, spec, FitContext.silent("w")).forecast("w", p, FitContext.silent("w")).series().get(0);
        assertEquals(0.0, a.step(4).quantile(0.05));
        for (double[] path : a.joint().sample(500, new SplittableRandom(1))) {
            for (double v : path) {
                assertTrue(v >= 0);
            }
        }
    }

    @Test
    void anotherPanelIsFittedAfreshAndGapsAreInterpolated() {
        ToyKinds.Level kind = new ToyKinds.Level();
        ModelSpec spec = kind.resolve(Map.of("horizon", 1, "season", 1), Frequency.MONTH);
        Panel fitted = panel(Support.REAL, TimeSeries.of("a", Frequency.MONTH, START, new double[] {1, 1, 1, 1}));
        TrainedModel model = kind.fit(fitted, spec, FitContext.silent("l"));
        TimeSeries gappy = new TimeSeries("a", Frequency.MONTH, START, new double[] {2, 0, 6, 8},
                new boolean[] {true, false, true, true});
        Panel other = new Panel("p", Frequency.MONTH, List.of(gappy), Support.REAL, "fp2", "test");
        // the gap at index 1 becomes 4, so the mean is (2 + 4 + 6 + 8) / 4
        assertEquals(5.0, model.forecast("l", other, FitContext.silent("l")).series().get(0).step(1).quantile(0.5), 1e-12);
        assertEquals(1.0, model.forecast("l", fitted, FitContext.silent("l")).series().get(0).step(1).quantile(0.5), 1e-6);
    }

    @Test
    void unknownOptionsAndMissingHorizonAreClearErrors() {
        ToyKinds.Walk kind = new ToyKinds.Walk();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kind.resolve(Map.of("horizon", 3, "knots", 4), Frequency.MONTH));
        assertTrue(e.getMessage().contains("no option 'knots'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kind.resolve(Map.of(), Frequency.MONTH));
        assertThrows(IllegalArgumentException.class, () -> kind.resolve(Map.of("horizon", 3), null));
    }
}
