package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.TrainedModel;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One spike must not move the whole quantile function: a series that is 0 on 59 of 60 days and
 * 1e6 on one used to get iqf quantiles near the spike at every level when the spike was the last
 * value (the window was centred on it), while the seasonal naive said 0.
 */
class SpikeNormalisationTest {
    private static final double SPIKE = 1e6;
    /** Near zero, measured against the spike: 5% of it. */
    private static final double NEAR_ZERO = 0.05 * SPIKE;

    private static Panel spikeAt(int day) {
        double[] v = new double[60];
        v[day] = SPIKE;
        return panel(v);
    }

    private static Panel panel(double[] v) {
        return new Panel("p", Frequency.DAY, List.of(TimeSeries.of("a", Frequency.DAY, LocalDateTime.of(2024, 1, 1, 0, 0),
                v)), Support.NONNEGATIVE, "spike", "test");
    }

    /** Windows centred on the last value, the centre the outlier rule is about. */
    private static WindowSampler sampler(Panel panel) {
        NeuralOptions o = NeuralOptions.from(new IqfKind().resolve(Map.of("horizon", 7, "context", 28, "centre", "last"),
                Frequency.DAY));
        return new WindowSampler(panel, o.layout(Frequency.DAY, 28), false);
    }

    @Test
    void aWindowEndingOnASpikeIsCentredOnTheValueBefore() {
        Batch last = sampler(spikeAt(59)).inference();
        assertEquals(0, last.location()[0], "centred before the spike, not on it");
        assertTrue(last.scale()[0] < SPIKE / 100, "scaled without the jump: " + last.scale()[0]);
        int spike = (28 - 1) * WindowLayout.CONTEXT_FEATURES;
        assertEquals(0f, last.context()[spike + 1], "the spike is left out of the context, as if unobserved");
        assertEquals(1f, last.context()[spike - WindowLayout.CONTEXT_FEATURES + 1], "the day before is observed");
    }

    @Test
    void ordinaryLastStepsKeepTheLastValueAsCentre() {
        double[] trend = new double[60];
        double[] calmThenMove = new double[60];
        for (int t = 0; t < 60; t++) {
            trend[t] = 100 + 3 * t + (t % 3);
            calmThenMove[t] = t < 40 ? 50 + (t % 2) : 50 + 4 * (t - 40);
        }
        calmThenMove[59] += 12;   // a large step, but not ten typical steps of the series
        for (double[] v : List.of(trend, calmThenMove)) {
            Batch b = sampler(panel(v)).inference();
            assertEquals(v[59], b.location()[0], 1e-9);
        }
    }

    @Test
    void quantilesBelowTheSpikesShareStayNearZero() {
        IqfKind kind = new IqfKind();
        for (int day : new int[] {59, 30}) {
            Panel panel = spikeAt(day);
            TrainedModel m = kind.fit(panel, kind.resolve(Map.of("horizon", 7, "epochs", 10, "ensemble", 1, "seed", 1),
                    Frequency.DAY), FitContext.silent("m"));
            ForecastSet f = m.forecast("m", panel, FitContext.silent("m"));
            for (QuantileFunction q : f.series().get(0).steps()) {
                for (double level : new double[] {0.01, 0.1, 0.5, 0.8}) {
                    // before: about 2.35e6 at every level with the spike last; now 0 to about 1e4
                    // depending on the run (the spike still shapes the training targets)
                    assertTrue(q.quantile(level) < NEAR_ZERO, "spike on day " + day + ": level " + level + " gave "
                            + q.quantile(level));
                }
            }
        }
    }
}
