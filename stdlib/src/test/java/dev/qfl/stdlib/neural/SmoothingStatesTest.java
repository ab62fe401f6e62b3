package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.TimeSeries;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmoothingStatesTest {
    private static final LocalDateTime START = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static TimeSeries series(double[] values) {
        return TimeSeries.of("s", Frequency.QUARTER, START, values);
    }

    @Test
    void aDampedTrendFollowsTheRecursionsComputedByHand() {
        double[] y = {10, 12, 15, Double.NaN, 16, 20};
        boolean[] observed = {true, true, true, false, true, true};
        TimeSeries ts = new TimeSeries("s", Frequency.QUARTER, START, y, observed);
        double a = 0.5;
        double b = 0.2;
        double p = 0.9;
        SmoothingStates fit = SmoothingStates.withForm(ts, new SmoothingStates.Form(a, b, p, 0, 1));
        double l = 12;   // the second observation sets the level and the trend (2)
        double t = 2;
        assertEquals(10, fit.levelAfter(0), 1e-12);
        assertEquals(l, fit.levelAfter(1), 1e-12);
        double e = 15 - (l + p * t);
        l = l + p * t + a * e;
        t = p * t + b * e;
        assertEquals(l, fit.levelAfter(2), 1e-12);
        l += p * t;      // step 3 is missing: the state moves on without an error
        t *= p;
        assertEquals(l, fit.levelAfter(3), 1e-12);
        e = 16 - (l + p * t);
        l = l + p * t + a * e;
        t = p * t + b * e;
        e = 20 - (l + p * t);
        l = l + p * t + a * e;
        t = p * t + b * e;
        assertEquals(l, fit.levelAfter(5), 1e-12);
        assertEquals((p + p * p + p * p * p) * t, fit.departure(5, 8), 1e-12);
    }

    @Test
    void aSeasonStartsFromTwoCyclesAndFollowsItsRecursion() {
        // season 2: cycles (1, 3) and (3, 5): means 2 and 4, indices -1 and +1
        double[] y = {1, 3, 3, 5, 4.5, 7};
        double a = 0.3;
        double g = 0.2;
        SmoothingStates fit = SmoothingStates.withForm(series(y), new SmoothingStates.Form(a, 0, 1, g, 2));
        double l = 4;
        double s0 = -1;
        double s1 = 1;
        assertEquals(l, fit.levelAfter(3), 1e-12);
        assertEquals(s0, fit.season(3, 4), 1e-12);
        assertEquals(s1, fit.season(3, 5), 1e-12);
        double e = 4.5 - (l + s0);
        l += a * e;
        s0 += g * e;
        assertEquals(l, fit.levelAfter(4), 1e-12);
        assertEquals(s0, fit.season(4, 6), 1e-12);
        assertEquals(s1, fit.season(4, 7), 1e-12);
        e = 7 - (l + s1);
        l += a * e;
        s1 += g * e;
        assertEquals(l, fit.levelAfter(5), 1e-12);
        assertEquals(s1, fit.departure(5, 7), 1e-12);
        assertEquals(s0, fit.departure(5, 8), 1e-12);
        assertEquals(0, fit.season(2, 5), 0, "no season before two cycles are in");
    }

    @Test
    void aSteadilyRisingSeriesKeepsItsTrend() {
        SplittableRandom random = new SplittableRandom(4);
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 + 2 * i + 0.3 * random.nextGaussian();
        }
        SmoothingStates fit = SmoothingStates.of(series(y), y.length, 1, 2, 4);
        assertTrue(fit.form().trended(), "a clear trend is kept");
        double forecast = fit.levelAfter(y.length - 1) + fit.departure(y.length - 1, y.length + 3);
        // damping pulls the four-step forecast back a little, never by more than a couple of steps
        assertEquals(100 + 2 * (y.length + 3), forecast, 4.0);
    }

    @Test
    void aStrongSeasonIsKeptAndForecast() {
        SplittableRandom random = new SplittableRandom(7);
        double[] pattern = {10, -4, 3, -9};
        double[] y = new double[80];
        for (int i = 0; i < y.length; i++) {
            y[i] = 50 + pattern[i % 4] + 0.5 * random.nextGaussian();
        }
        SmoothingStates fit = SmoothingStates.of(series(y), y.length, 4, 8, 4);
        assertTrue(fit.form().seasonal());
        int last = y.length - 1;
        for (int h = 1; h <= 4; h++) {
            double forecast = fit.levelAfter(last) + fit.departure(last, last + h);
            assertEquals(50 + pattern[(last + h) % 4], forecast, 1.5, "step " + h);
        }
    }

    @Test
    void noiseAroundAMeanHasNeitherTrendNorSeason() {
        SplittableRandom random = new SplittableRandom(5);
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = 7 + random.nextGaussian();
        }
        SmoothingStates fit = SmoothingStates.of(series(y), y.length, 4, 1.1, 4);
        assertFalse(fit.form().trended());
        assertFalse(fit.form().seasonal());
        assertTrue(fit.form().alpha() <= 0.1, "alpha " + fit.form().alpha());
        assertEquals(7, fit.levelAfter(y.length - 1), 0.6);
    }

    @Test
    void theFormIsChosenOnTheTrainingPartOnly() {
        SplittableRandom random = new SplittableRandom(6);
        double[] y = new double[200];
        for (int i = 0; i < 150; i++) {
            y[i] = random.nextGaussian();
        }
        for (int i = 150; i < y.length; i++) {
            y[i] = 10 * (i - 150);
        }
        assertFalse(SmoothingStates.of(series(y), 150, 1, 1, 4).form().trended());
        assertTrue(SmoothingStates.of(series(y), 200, 1, 1, 4).form().trended());
    }

    @Test
    void theChosenFormForecastsTheHorizonAtLeastAsWellAsOtherFormsOfTheGrid() {
        SplittableRandom random = new SplittableRandom(9);
        double[] y = new double[90];
        double slope = 0.5;
        double level = 20;
        for (int i = 0; i < y.length; i++) {
            slope += 0.05 * random.nextGaussian();   // a trend that drifts, as a fertility rate's does
            level += slope;
            y[i] = level + 0.2 * random.nextGaussian() + (i % 4 == 0 ? 1.5 : 0);
        }
        int horizon = 6;
        TimeSeries ts = series(y);
        SmoothingStates chosen = SmoothingStates.of(ts, y.length, 4, 1, horizon);
        double best = horizonError(ts, chosen, horizon);
        SmoothingStates.Form[] others = {
            new SmoothingStates.Form(1, 0, 1, 0, 1),              // the naive level
            new SmoothingStates.Form(0.5, 0.025, 0.98, 0, 1),     // a gently damped trend
            new SmoothingStates.Form(0.9, 0.18, 0.9, 0, 1),       // a quickly adapting trend
            new SmoothingStates.Form(0.3, 0.015, 0.98, 0.07, 4),  // trend and season
        };
        for (SmoothingStates.Form f : others) {
            assertTrue(best <= horizonError(ts, SmoothingStates.withForm(ts, f), horizon) + 1e-12, "against " + f);
        }
    }

    /** The mean over k = 1..horizon of the mean absolute k-step error, from the third season on. */
    private static double horizonError(TimeSeries ts, SmoothingStates states, int horizon) {
        double[] sums = new double[horizon];
        int[] counts = new int[horizon];
        states.addAheadErrors(ts, 8, ts.length(), 1, sums, counts);
        double total = 0;
        for (int k = 0; k < horizon; k++) {
            total += sums[k] / counts[k];
        }
        return total / horizon;
    }

    @Test
    void extremeValuesDoNotOverflow() {
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i % 3 == 0 ? -1 : 1) * 9e299;
        }
        SmoothingStates fit = SmoothingStates.of(series(y), y.length, 4, 1e300, 4);
        assertTrue(Double.isFinite(fit.levelAfter(y.length - 1)));
        assertTrue(Double.isFinite(fit.departure(y.length - 1, y.length + 5)));
    }
}
