package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-step input that says how far off forecasts that many steps ahead have been. */
class ErrorGrowthTest {
    private static final LocalDateTime START = LocalDateTime.of(1990, 1, 1, 0, 0);

    private static TimeSeries series(double[] v) {
        return TimeSeries.of("a", Frequency.QUARTER, START, v);
    }

    private static WindowSampler sampler(double[] v, int horizon, int context, String centre) {
        Map<String, Object> given = new HashMap<>(Map.of("horizon", horizon, "context", context, "centre", centre));
        NeuralOptions o = NeuralOptions.from(new IqfKind().resolve(given, Frequency.QUARTER));
        Panel panel = new Panel("p", Frequency.QUARTER, List.of(series(v)), Support.REAL, "growth", "test");
        return new WindowSampler(panel, o.layout(Frequency.QUARTER, context), false);
    }

    /** The growth input of forecast step h of the (only) inference window. */
    private static float growth(WindowSampler sampler, int h) {
        WindowLayout layout = sampler.layout();
        Batch b = sampler.inference();
        int per = layout.stepFeatures();
        return b.extras()[h * per + per - 1];
    }

    private static double[] randomWalk(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        double y = 100;
        for (int t = 0; t < length; t++) {
            y += r.nextGaussian();
            v[t] = y;
        }
        return v;
    }

    @Test
    void oneStepAheadTheStatesErrorsAreTheirOneStepErrors() {
        double[] v = randomWalk(120, 5);
        for (int t = 0; t < v.length; t++) {
            v[t] += 3 * Math.sin(t * Math.PI / 2);   // a quarterly season for the states to carry
        }
        TimeSeries ts = series(v);
        SmoothingStates states = SmoothingStates.of(ts, ts.length(), 4, 1, 5);
        double[] sums = new double[5];
        int[] counts = new int[5];
        states.addAheadErrors(ts, 40, 100, 1, sums, counts);
        double expected = 0;
        int n = 0;
        for (int t = 40; t < 100; t++) {
            expected += Math.abs(states.error(t));
            n++;
        }
        assertEquals(n, counts[0]);
        assertEquals(expected, sums[0], 1e-9 * expected);
    }

    @Test
    void kStepsAheadTheErrorsAreThoseOfTheStatesForecastFromKStepsBack() {
        double[] v = randomWalk(90, 8);
        for (int t = 0; t < v.length; t++) {
            v[t] += 0.4 * t;   // a drift, so the form has a trend whose damped extrapolation counts
        }
        TimeSeries ts = series(v);
        SmoothingStates states = SmoothingStates.withForm(ts, new SmoothingStates.Form(0.5, 0.1, 0.9, 0.2, 4));
        int horizon = 6;
        double[] sums = new double[horizon];
        int[] counts = new int[horizon];
        states.addAheadErrors(ts, 30, 70, 1, sums, counts);
        for (int k = 1; k <= horizon; k++) {
            double expected = 0;
            for (int t = 30; t < 70; t++) {
                expected += Math.abs(v[t] - states.levelAfter(t - k) - states.departure(t - k, t));
            }
            assertEquals(40, counts[k - 1], "k = " + k);
            assertEquals(expected, sums[k - 1], 1e-9 * expected, "k = " + k);
        }
    }

    @Test
    void onAStraightLineTheNaiveErrorsGrowInProportionToTheSteps() {
        double[] v = new double[40];
        for (int t = 0; t < v.length; t++) {
            v[t] = 7 + 3 * t;   // every step moves by 3, the window's scale; k steps ahead the naive is off by 3k
        }
        WindowSampler sampler = sampler(v, 4, 12, "last");
        for (int h = 0; h < 4; h++) {
            assertEquals(Math.log(h + 1), growth(sampler, h), 1e-6, "step " + (h + 1));
        }
    }

    @Test
    void aRandomWalksErrorsGrowLikeTheSquareRootOfTheSteps() {
        double[] v = randomWalk(600, 11);
        WindowSampler sampler = sampler(v, 4, 400, "smoothing");
        assertEquals(0, growth(sampler, 0), 0.1, "one step ahead the scale itself");
        assertEquals(Math.log(2), growth(sampler, 3), 0.2, "four steps ahead about twice the scale");
    }

    @Test
    void aSmoothSeriesWhoseTrendDriftsGrowsFasterThanARandomWalk() {
        double[] walk = randomWalk(80, 13);
        double[] smooth = new double[80];
        SplittableRandom r = new SplittableRandom(13);
        double slope = -0.05;
        double y = 6;
        for (int t = 0; t < smooth.length; t++) {
            slope += 0.005 * r.nextGaussian();   // the slope wanders: errors pile up over the steps
            y += slope;
            smooth[t] = y + 0.001 * r.nextGaussian();
        }
        float fromWalk = growth(sampler(walk, 6, 12, "smoothing"), 5);
        float fromSmooth = growth(sampler(smooth, 6, 12, "smoothing"), 5);
        assertTrue(fromSmooth > fromWalk + 1, "smooth " + fromSmooth + ", walk " + fromWalk);
    }

    @Test
    void theInputIsBoundedAndZeroWithoutAnyError() {
        assertEquals(0f, WindowSampler.errorGrowth(0, 0, 1));
        assertEquals((float) WindowSampler.GROWTH_BOUND, WindowSampler.errorGrowth(1e9, 1, 1));
        assertEquals((float) -WindowSampler.GROWTH_BOUND, WindowSampler.errorGrowth(0, 3, 1));
        assertEquals((float) Math.log(2.5), WindowSampler.errorGrowth(5, 2, 1), 1e-6);
    }
}
