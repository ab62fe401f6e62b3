package dev.qfl.stdlib.models.naive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonalNaiveForecastTest {
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final SeasonalNaiveKind KIND = new SeasonalNaiveKind();

    /**
     * Season 2, 14 points. Errors at lag 2 (t = 2..13): 1 2 2 −1 −1 3 2 −1 2 2 −1 1;
     * at lag 4: 3 1 1 2 1 2 4 1 1 3; at lag 6 only 8 errors, fewer than {@link SeasonalErrors#MIN_OWN_ERRORS}.
     */
    private static final double[] HAND = {3, 10, 4, 12, 6, 11, 5, 14, 7, 13, 9, 15, 8, 16};

    private static TimeSeries series(String id, double... values) {
        return TimeSeries.of(id, Frequency.DAY, START, values);
    }

    private static Panel panel(Support support, TimeSeries... series) {
        return new Panel("demand", Frequency.DAY, List.of(series), support, "fp", "test");
    }

    private static ForecastSet forecast(Panel panel, int horizon, int season) {
        ModelSpec spec = KIND.resolve(Map.of("horizon", horizon, "season", season), panel.frequency());
        TrainedModel model = KIND.fit(panel, spec, FitContext.silent("naive"));
        return model.forecast("naive", panel, FitContext.silent("naive"));
    }

    private static double[] sortedCopy(double... x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c;
    }

    @Test
    void errorSetsUseOnlyObservedPairs() {
        boolean[] observed = {true, true, true, false, true, true, true};
        TimeSeries s = new TimeSeries("x", Frequency.DAY, START, new double[] {1, 4, 2, 7, 5, 6, 9}, observed);
        // lag 2: 2−1, (7−4 unobserved), 5−2, (6−7 unobserved), 9−5
        assertArrayEquals(new double[] {1, 3, 4}, SeasonalErrors.at(s, 2), 0);
        // lag 4: 5−1, 6−4, 9−2 (index 3 is never paired)
        assertArrayEquals(new double[] {4, 2, 7}, SeasonalErrors.at(s, 4), 0);
        assertArrayEquals(new double[0], SeasonalErrors.at(s, 7), 0);
    }

    @Test
    void handSeriesErrorSets() {
        TimeSeries s = series("hand", HAND);
        assertArrayEquals(new double[] {1, 2, 2, -1, -1, 3, 2, -1, 2, 2, -1, 1}, SeasonalErrors.at(s, 2), 0);
        assertArrayEquals(new double[] {3, 1, 1, 2, 1, 2, 4, 1, 1, 3}, SeasonalErrors.at(s, 4), 0);
        assertArrayEquals(new double[] {2, 4, 3, 1, 3, 4, 3, 2}, SeasonalErrors.at(s, 6), 0);
    }

    @Test
    void pointIndexRepeatsTheLastSeasonForEveryStep() {
        // last index 8, season 3: h = 1..3 → 6, 7, 8; h = 4..6 → 6, 7, 8 again; h = 7 → 6
        int[] expected = {6, 7, 8, 6, 7, 8, 6};
        for (int h = 1; h <= 7; h++) {
            assertEquals(expected[h - 1], SeasonalNaiveModel.pointIndex(8, h, 3), "h=" + h);
        }
        assertEquals(9, SeasonalNaiveModel.pointIndex(9, 1, 1));
        assertEquals(9, SeasonalNaiveModel.pointIndex(9, 5, 1));
    }

    @Test
    void exactlyPeriodicSeriesGivesPointMassesOnTheRepeatedSeason() {
        double[] pattern = {5, 8, 3};
        double[] values = new double[31]; // ends on pattern[0]: the last season is 8, 3, 5
        for (int i = 0; i < values.length; i++) {
            values[i] = pattern[i % 3];
        }
        SeriesForecast f = forecast(panel(Support.REAL, series("p", values)), 8, 3).series().get(0);
        double[] expected = {8, 3, 5, 8, 3, 5, 8, 3};
        for (int h = 1; h <= 8; h++) {
            for (double level : new double[] {0.01, 0.5, 0.99}) {
                assertEquals(expected[h - 1], f.step(h).quantile(level), 0, "h=" + h);
            }
        }
    }

    @Test
    void handSeriesQuantilesArePointPlusErrorQuantiles() {
        SeriesForecast f = forecast(panel(Support.REAL, series("hand", HAND)), 5, 2).series().get(0);
        assertEquals(5, f.horizon());
        assertNull(f.joint());
        assertEquals(START.plusDays(13), f.origin());
        // points: h odd → y[12] = 8, h even → y[13] = 16.
        // lag-2 errors sorted: −1 −1 −1 −1 1 1 2 2 2 2 2 3 (n = 12): q(.25) = −1, q(.5) = 1.5, q(.75) = 2
        assertEquals(8 - 1, f.step(1).quantile(0.25), 1e-12);
        assertEquals(8 + 1.5, f.step(1).quantile(0.5), 1e-12);
        assertEquals(8 + 2, f.step(1).quantile(0.75), 1e-12);
        assertEquals(16 + 1.5, f.step(2).quantile(0.5), 1e-12);
        // lag-4 errors sorted: 1 1 1 1 1 2 2 3 3 4 (n = 10): q(.25) = x[2] = 1, q(.75) = x[7] = 3
        assertEquals(8 + 1, f.step(3).quantile(0.25), 1e-12);
        assertEquals(8 + 1.5, f.step(3).quantile(0.5), 1e-12);
        assertEquals(16 + 3, f.step(4).quantile(0.75), 1e-12);
        // lag 6 has 8 errors: borrows lag 4's, stretched with r = 3/2 about their median 1.5
        double r = 1.5;
        assertEquals(8 + r * 1.5, f.step(5).quantile(0.5), 1e-12);
        assertEquals(8 + r * 1.5 + Math.sqrt(r) * (3 - 1.5), f.step(5).quantile(0.75), 1e-12);
        assertEquals(8 + r * 1.5 + Math.sqrt(r) * (1 - 1.5), f.step(5).quantile(0.25), 1e-12);
    }

    @Test
    void donorRulePrefersOwnThenNearestShorterThenMostErrors() {
        double[][] counts = {new double[12], new double[10], new double[8]};
        assertEquals(1, SeasonalErrors.donor(counts, 1));
        assertEquals(2, SeasonalErrors.donor(counts, 2));
        assertEquals(2, SeasonalErrors.donor(counts, 3));
        double[][] short15 = {new double[8], new double[1]}; // 15 points, season 7
        assertEquals(1, SeasonalErrors.donor(short15, 1));
        assertEquals(1, SeasonalErrors.donor(short15, 2));
        double[][] masked = {new double[3], new double[5], new double[2]};
        assertEquals(2, SeasonalErrors.donor(masked, 3));
    }

    @Test
    void shortestAllowedSeriesStillForecastsEveryStep() {
        double[] values = new double[15];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + (i % 7) + (i * 7 % 5);
        }
        ForecastSet set = forecast(panel(Support.REAL, series("s", values)), 14, 7);
        assertTrue(set.skipped().isEmpty());
        SeriesForecast f = set.series().get(0);
        double[] lag7 = sortedCopy(SeasonalErrors.at(series("s", values), 7));
        assertEquals(8, lag7.length);
        // h = 8..14 use lag 14 (one error), so they borrow the 8 lag-7 errors stretched by r = 2
        double median = 0.5 * (lag7[3] + lag7[4]);
        for (int h = 8; h <= 14; h++) {
            double point = values[14 + h - 14];
            assertEquals(point + 2 * median, f.step(h).quantile(0.5), 1e-12, "h=" + h);
            double top = point + 2 * median + Math.sqrt(2) * (lag7[7] - median);
            assertEquals(top, f.step(h).quantile(7.5 / 8), 1e-12, "h=" + h);
        }
    }

    @Test
    void shortSeriesAreSkippedWithAReason() {
        double[] longer = new double[20];
        Arrays.fill(longer, 4);
        Panel panel = panel(Support.REAL, series("short", new double[9]), series("long", longer));
        ForecastSet set = forecast(panel, 14, 7);
        assertEquals(List.of("long"), set.series().stream().map(SeriesForecast::id).toList());
        assertEquals(List.of(new ForecastSet.Skipped("short",
                "has 9 observations; seasonal_naive with season 7 and horizon 14 needs at least 15")), set.skipped());
        assertEquals(14, set.horizon());
        assertEquals("naive", set.model());
    }

    @Test
    void seriesWithoutObservedSeasonalPairsAreSkipped() {
        double[] values = new double[20];
        boolean[] observed = new boolean[20];
        for (int i = 0; i < 20; i += 2) {
            observed[i] = true; // every other day: no two observed points 7 days apart
        }
        TimeSeries gappy = new TimeSeries("gappy", Frequency.DAY, START, values, observed);
        ForecastSet set = forecast(panel(Support.REAL, gappy), 7, 7);
        assertTrue(set.series().isEmpty());
        assertEquals("gappy", set.skipped().get(0).id());
        assertTrue(set.skipped().get(0).reason().contains("no two observed values 7 steps apart"));
    }

    @Test
    void nonNegativePanelsAreFlooredAtZero() {
        // low counts with big drops: raw lower quantiles are negative
        double[] values = {0, 3, 1, 0, 4, 0, 2, 5, 0, 1, 0, 3, 0, 6, 1, 0, 2, 0, 4, 1, 0, 0};
        SeriesForecast raw = forecast(panel(Support.REAL, series("slow", values)), 3, 2).series().get(0);
        SeriesForecast floored = forecast(panel(Support.NONNEGATIVE, series("slow", values)), 3, 2).series().get(0);
        for (int h = 1; h <= 3; h++) {
            QuantileFunction r = raw.step(h);
            QuantileFunction f = floored.step(h);
            assertFalse(r instanceof FlooredQuantileFunction);
            assertInstanceOf(FlooredQuantileFunction.class, f);
            assertTrue(r.quantile(0.05) < 0, "raw step " + h + " should reach below zero");
            for (double level : new double[] {0.001, 0.05, 0.3, 0.5, 0.9, 0.999}) {
                assertEquals(Math.max(0, r.quantile(level)), f.quantile(level), 0);
            }
            assertEquals(0.0, f.cdf(-0.01), 0);
            assertEquals(r.cdf(0.0), f.cdf(0.0), 0);
        }
    }

    @Test
    void fitCountsTheSeriesLongEnoughToUse() {
        Panel panel = panel(Support.REAL, series("a", new double[9]), series("b", new double[15]),
                series("c", new double[40]));
        ModelSpec spec = KIND.resolve(Map.of("horizon", 14), Frequency.DAY);
        TrainedModel model = KIND.fit(panel, spec, FitContext.silent("n"));
        assertEquals(2, model.summary().seriesUsed());
        assertEquals(spec, model.spec());
        assertFalse(model.persistable());
    }
}
