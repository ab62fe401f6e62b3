package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.models.naive.SeasonalNaiveKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * The failure patterns real series showed, on seeded generated panels: a smooth series at a high
 * level, a short yearly panel, and slow movers with most periods at zero. Each compares with the
 * seasonal naive on the same holdout or with the known true distribution.
 */
class IqfRealPatternsTest {

    /** wQL over τ = 0.1..0.9 of one forecast against its outcomes (the accuracy benchmark's metric). */
    static double wql(SeriesForecast f, double[] actual) {
        double loss = 0;
        double total = 0;
        for (int h = 0; h < actual.length; h++) {
            total += Math.abs(actual[h]);
            for (int i = 1; i <= 9; i++) {
                double tau = i / 10.0;
                double u = actual[h] - f.step(h + 1).quantile(tau);
                loss += 2 * Math.max(tau * u, (tau - 1) * u);
            }
        }
        return loss / (9 * total);
    }

    /** Geometric mean over series of wQL(iqf) / wQL(seasonal naive), both fitted on all but the last horizon. */
    static double relativeToNaive(Panel full, int horizon, Map<String, Object> iqfOptions) throws Exception {
        List<TimeSeries> train = new ArrayList<>();
        for (TimeSeries ts : full.series()) {
            train.add(ts.head(ts.length() - horizon));
        }
        Panel history = full.withSeries(train, "-train");
        Map<String, Object> given = new HashMap<>(iqfOptions);
        given.put("horizon", horizon);
        ForecastSet iqf = forecast(new IqfKind(), history, given);
        ForecastSet naive = forecast(new SeasonalNaiveKind(), history, Map.of("horizon", horizon));
        double logSum = 0;
        for (int s = 0; s < full.series().size(); s++) {
            TimeSeries ts = full.series().get(s);
            double[] actual = java.util.Arrays.copyOfRange(ts.values(), ts.length() - horizon, ts.length());
            logSum += Math.log(wql(iqf.series().get(s), actual) / wql(naive.series().get(s), actual));
        }
        return Math.exp(logSum / full.series().size());
    }

    static ForecastSet forecast(ModelKind kind, Panel panel, Map<String, Object> given) throws Exception {
        ModelSpec spec = kind.resolve(given, panel.frequency());
        TrainedModel model = kind.fit(panel, spec, FitContext.silent(kind.name()));
        try {
            return model.forecast(kind.name(), panel, FitContext.silent(kind.name()));
        } finally {
            if (model instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    static Panel panel(String name, Frequency frequency, List<double[]> values, Support support) {
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < values.size(); s++) {
            out.add(TimeSeries.of("s" + s, frequency, LocalDateTime.of(1990, 1, 1, 0, 0), values.get(s)));
        }
        return new Panel(name, frequency, out, support, name, "test");
    }

    /**
     * Monthly counts near 400 (and one near 150,000) that rise by 1–3 a month with a little noise:
     * dividing by the mean absolute value left them at 1 ± 0.005, and forecasts were tens of times
     * too wide. The seasonal naive is off by 12 months of drift here, so within 2× of it is a low bar
     * that the old pipeline failed by far.
     */
    @Test
    void aSmoothSeriesAtAHighLevelIsForecastWithinTwiceTheSeasonalNaive() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        List<double[]> values = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            double level = s == 0 ? 150_000 : 300 + 200 * r.nextDouble();
            double drift = (s == 0 ? 100 : 1) * (1 + 2 * r.nextDouble());
            double[] v = new double[96];
            for (int t = 0; t < v.length; t++) {
                level += drift + (s == 0 ? 50 : 0.5) * r.nextGaussian();
                v[t] = level;
            }
            values.add(v);
        }
        Panel smooth = panel("smooth", Frequency.MONTH, values, Support.NONNEGATIVE);
        double rel = relativeToNaive(smooth, 12, Map.of("epochs", 6, "batch", 64, "hidden", 32));
        assertTrue(rel < 2.0, String.format(Locale.ROOT, "GM wQL relative to the seasonal naive: %.3f", rel));
    }

    /**
     * 24 yearly series with 17 points of history, horizon 6, shaped like the development set's
     * fertility rates: a decline that flattens towards a floor, plus a little autocorrelated noise.
     * At least as good as the (seasonal) naive, which here repeats the last value plus the mean past
     * change. With a context of 4 horizons most windows were padding, and holding out the last
     * horizon for validation took away a third of the data.
     */
    @Test
    void aSeventeenPointYearlyPanelIsNoWorseThanTheSeasonalNaive() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        List<double[]> values = new ArrayList<>();
        for (int s = 0; s < 24; s++) {
            double floor = 1.3 + 1.2 * r.nextDouble();
            double excess = 1 + 3 * r.nextDouble();
            double rate = 0.05 + 0.15 * r.nextDouble();
            double start = 10 * r.nextDouble();
            double[] v = new double[17 + 6];
            double noise = 0;
            for (int t = 0; t < v.length; t++) {
                noise = 0.6 * noise + 0.02 * r.nextGaussian();
                v[t] = floor + excess * Math.exp(-rate * (t + start)) + noise;
            }
            values.add(v);
        }
        Panel yearly = panel("yearly17", Frequency.YEAR, values, Support.NONNEGATIVE);
        double rel = relativeToNaive(yearly, 6, Map.of("epochs", 8, "batch", 64, "hidden", 32));
        assertTrue(rel <= 1.0, String.format(Locale.ROOT, "GM wQL relative to the naive: %.3f", rel));
    }

    /**
     * Counts get whole-number answers and a chance of zero from each item's recent zeros
     * ({@code counts: auto}). Without them the median's coverage ran at −0.048 to −0.054 whatever
     * the ensemble: the learned mass at zero leaned to the panel's average, and too much
     * probability sat between 0 and ½, which counts round to zero (docs/models/iqf.md).
     */
    @Test
    void slowMoversGetTheRightMassAtZeroAndCalibratedQuantiles() throws Exception {
        double[] errors = slowMovers(Map.of("epochs", 6, "batch", 64, "hidden", 32));
        assertEquals(0, errors[0], 0.05, "mean of P̂(y ≤ 0) − P(y ≤ 0)");
        for (int i = 0; i < SLOW_LEVELS.length; i++) {
            assertEquals(0, errors[i + 1], 0.05, "expected coverage − nominal at " + SLOW_LEVELS[i]);
        }
    }

    static final double[] SLOW_LEVELS = {0.5, 0.8, 0.95};

    /** Mean P̂(y ≤ 0) − P(y ≤ 0), then expected coverage − nominal at each of {@link #SLOW_LEVELS}. */
    static double[] slowMovers(Map<String, Object> options) throws Exception {
        int items = 40;
        int horizon = 8;
        SplittableRandom r = new SplittableRandom(3);
        List<double[]> values = new ArrayList<>();
        List<IntegerDistribution> truth = new ArrayList<>();
        for (int s = 0; s < items; s++) {
            double p0 = 0.5 + 0.4 * s / (items - 1.0);
            IntegerDistribution d = s % 2 == 0 ? new PoissonDistribution(-Math.log(p0))
                    : new PascalDistribution(1, p0);   // geometric: P(0) = p0
            d.reseedRandomGenerator(1000 + s);
            truth.add(d);
            double[] v = new double[160];
            for (int t = 0; t < v.length; t++) {
                v[t] = d.sample();
            }
            values.add(v);
        }
        Panel slow = panel("slow", Frequency.WEEK, values, Support.NONNEGATIVE);
        Map<String, Object> given = new HashMap<>(options);
        given.put("horizon", horizon);
        ForecastSet f = forecast(new IqfKind(), slow, given);
        double[] out = new double[1 + SLOW_LEVELS.length];
        for (int s = 0; s < items; s++) {
            IntegerDistribution d = truth.get(s);
            for (int h = 1; h <= horizon; h++) {
                QuantileFunction q = f.series().get(s).step(h);
                for (double level : SLOW_LEVELS) {
                    double value = q.quantile(level);
                    if (value != Math.rint(value)) {
                        throw new AssertionError("a count panel answers with whole numbers, not " + value);
                    }
                }
                out[0] += q.cdf(0) - d.probability(0);
                for (int i = 0; i < SLOW_LEVELS.length; i++) {
                    out[i + 1] += expectedCoverage(q, d, SLOW_LEVELS[i]) - SLOW_LEVELS[i];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= items * horizon;
        }
        return out;
    }

    /**
     * E over y ~ truth of P(u ≤ τ), u the randomised PIT of the rounded forecast:
     * u uniform on [F̂(y − ½), F̂(y + ½)] (F̂ below zero is 0, demand being floored there).
     */
    static double expectedCoverage(QuantileFunction q, IntegerDistribution truth, double tau) {
        double sum = 0;
        for (int k = 0; k < 200; k++) {
            double p = truth.probability(k);
            if (p < 1e-12 && k > 10) {
                break;
            }
            double a = k == 0 ? 0 : q.cdf(k - 0.5);
            double b = q.cdf(k + 0.5);
            sum += p * (b - a <= 1e-12 ? (tau >= b ? 1 : 0) : Math.min(1, Math.max(0, (tau - a) / (b - a))));
        }
        return sum;
    }
}
