package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Windows centred on smoothing states, iqf's default: what the network is given and asked. */
class SmoothingWindowsTest {
    private static final int HORIZON = 4;
    private static final double[] SEASON = {12, -5, 3, -10};

    private static WindowSampler sampler(Panel panel, Map<String, Object> extra) {
        Map<String, Object> given = new java.util.HashMap<>(Map.of("horizon", HORIZON, "context", 12));
        given.putAll(extra);
        NeuralOptions o = NeuralOptions.from(new IqfKind().resolve(given, Frequency.QUARTER));
        return new WindowSampler(panel, o.layout(Frequency.QUARTER, 12), false);
    }

    private static Panel panel(double[] v) {
        return new Panel("p", Frequency.QUARTER, List.of(TimeSeries.of("a", Frequency.QUARTER,
                LocalDateTime.of(1990, 1, 1, 0, 0), v)), Support.REAL, "smoothing", "test");
    }

    /** A trend and a quarterly season with little noise: what the states should carry. */
    private static double[] trendAndSeason(int length) {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[length];
        for (int t = 0; t < length; t++) {
            v[t] = 200 + 1.5 * t + SEASON[t % 4] + 0.2 * r.nextGaussian();
        }
        return v;
    }

    @Test
    void theStatesCarryTrendAndSeasonSoTheForecastStepsStartNearTheTruth() {
        double[] v = trendAndSeason(80);
        Batch b = sampler(panel(v), Map.of()).inference();
        for (int h = 0; h < HORIZON; h++) {
            int t = v.length + h;
            double truth = 200 + 1.5 * t + SEASON[t % 4];
            // with the network's output at zero, a step's forecast is its location
            assertEquals(truth, b.stepLocation(0, h, HORIZON), 2.0, "step " + (h + 1));
        }
    }

    @Test
    void trainingTargetsAreWhatTheStatesMissInUnitsOfTheirErrors() {
        double[] v = trendAndSeason(80);
        Batch b = sampler(panel(v), Map.of()).sample(new SplittableRandom(1), 64);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < b.target().length; i++) {
            if (b.mask()[i] > 0) {
                sum += Math.abs(b.target()[i]);
                n++;
            }
        }
        // centred on the last value and scaled by the typical step, the season alone puts targets
        // several units away; what the states miss is of the order of their one-step error
        assertTrue(sum / n < 3, "mean |target| " + sum / n);
        Batch last = sampler(panel(v), Map.of("centre", "last")).sample(new SplittableRandom(1), 64);
        double lastSum = 0;
        for (int i = 0; i < last.target().length; i++) {
            lastSum += last.mask()[i] > 0 ? Math.abs(last.target()[i]) : 0;
        }
        assertTrue(lastSum / n > 0.5, "centred on the last value the targets keep the season: " + lastSum / n);
    }

    @Test
    void mostlyZeroSeriesStayCentredOnTheirLastValue() {
        double[] v = new double[60];
        for (int t = 0; t < v.length; t++) {
            v[t] = t % 3 == 0 ? 4 : 0;   // two thirds zeros
        }
        v[59] = 7;
        Batch b = sampler(panel(v), Map.of()).inference();
        assertEquals(7, b.location()[0], 0);
        for (int h = 0; h < HORIZON; h++) {
            assertEquals(7, b.stepLocation(0, h, HORIZON), 0, "no trend or season is added");
        }
    }
}
