package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** States computed once per panel (in parallel) are the ones each series gets alone, and windows do not change. */
class PanelStatesTest {
    private static final int HORIZON = 4;

    private static Panel panel() {
        SplittableRandom r = new SplittableRandom(2);
        List<TimeSeries> series = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            int length = s == 11 ? 7 : 40 + 5 * s;   // the last one too short to hold out a horizon
            double[] v = new double[length];
            for (int t = 0; t < length; t++) {
                v[t] = s == 10 ? (r.nextDouble() < 0.7 ? 0 : 3)   // intermittent: centred on its last value
                        : 50 + s * t * 0.3 + (t % 4 == 0 ? 6 : 0) + r.nextGaussian();
            }
            series.add(TimeSeries.of("s" + s, Frequency.QUARTER, LocalDateTime.of(1990, 1, 1, 0, 0), v));
        }
        return new Panel("p", Frequency.QUARTER, series, Support.NONNEGATIVE, "panel-states", "test");
    }

    private static WindowLayout layout(String centre, int context) {
        Map<String, Object> given = new HashMap<>(Map.of("horizon", HORIZON, "context", context, "centre", centre));
        NeuralOptions o = NeuralOptions.from(new IqfKind().resolve(given, Frequency.QUARTER));
        return o.layout(Frequency.QUARTER, context);
    }

    @Test
    void eachSeriesGetsTheStatesItWouldGetAlone() {
        Panel panel = panel();
        for (boolean holdOut : new boolean[] {true, false}) {
            PanelStates shared = PanelStates.of(panel, layout("smoothing", 8), holdOut);
            assertEquals(12, shared.size());
            for (int s = 0; s < 12; s++) {
                TimeSeries ts = panel.series().get(s);
                int end = WindowSampler.trainEnd(ts, HORIZON, holdOut);
                if (s == 10) {
                    assertNull(shared.of(s), "an intermittent series has no states");
                    continue;
                }
                SmoothingStates alone = SmoothingStates.of(ts, end, 4, WindowSampler.seriesSpread(ts, end), HORIZON);
                assertEquals(alone.form(), shared.of(s).form(), "series " + s);
                assertEquals(alone.levelAfter(end - 1), shared.of(s).levelAfter(end - 1), 0.0, "series " + s);
            }
        }
        assertFalse(PanelStates.of(panel, layout("last", 8), true).present(), "windows centred on the last value");
    }

    @Test
    void samplersOfOtherContextsSharingTheStatesGiveTheSameWindows() {
        Panel panel = panel();
        PanelStates shared = PanelStates.of(panel, layout("smoothing", 8), false);
        for (int context : new int[] {4, 8, 12}) {
            Batch own = new WindowSampler(panel, layout("smoothing", context), false).inference();
            Batch reused = new WindowSampler(panel, layout("smoothing", context), false, false, shared).inference();
            assertArrayEquals(own.context(), reused.context(), "context " + context);
            assertArrayEquals(own.extras(), reused.extras(), "context " + context);
            assertArrayEquals(own.location(), reused.location(), "context " + context);
            assertArrayEquals(own.scale(), reused.scale(), "context " + context);
            assertArrayEquals(own.shift(), reused.shift(), "context " + context);
        }
    }
}
