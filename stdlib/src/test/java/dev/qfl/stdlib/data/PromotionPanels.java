package dev.qfl.stdlib.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated daily panel with a known promotion effect and holidays, for measuring what
 * covariates are worth: each series has its own level and a weekly pattern; in promotion weeks
 * (a random calendar, about one week in four, known in the future) demand is 1.5 times as high,
 * and on US public holidays 0.3 times; sales are Poisson around that mean.
 */
public final class PromotionPanels {
    /** Demand in a promotion week, relative to a normal week. */
    public static final double PROMO_EFFECT = 1.5;
    /** Demand on a public holiday, relative to a normal day. */
    public static final double HOLIDAY_EFFECT = 0.3;
    private static final double[] WEEKDAY = {0.9, 0.85, 0.9, 1.0, 1.2, 1.4, 0.75};

    private PromotionPanels() {
    }

    /** A panel and the same panel cut before its last {@code horizon} days (their covariates stay known). */
    public record Split(Panel full, Panel train, int horizon) {
    }

    /**
     * {@code series} daily series of {@code days} days ending 2024-12-31, with the promotion flag as
     * a dynamic covariate and the US calendar.
     *
     * @param withCovariates whether the panel carries them (false: the same numbers without)
     */
    public static Split daily(int series, int days, int horizon, long seed, boolean withCovariates) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(2024, 12, 31).minusDays(days - 1);
        Holidays us = Holidays.of("US").orElseThrow();
        var holidays = us.between(start, start.plusDays(days));
        List<TimeSeries> full = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double level = 20 + 60 * random.nextDouble();
            double[] promo = promotions(random, start, days);
            double[] values = new double[days];
            for (int t = 0; t < days; t++) {
                LocalDate d = start.plusDays(t);
                double mean = level * WEEKDAY[d.getDayOfWeek().getValue() - 1] * (promo[t] > 0 ? PROMO_EFFECT : 1)
                        * (holidays.contains(d) ? HOLIDAY_EFFECT : 1);
                values[t] = poisson(random, mean);
            }
            Covariates c = withCovariates ? new Covariates(new double[][] {promo}, new double[0][], List.of(), 0)
                    : Covariates.NONE;
            boolean[] observed = new boolean[days];
            java.util.Arrays.fill(observed, true);
            full.add(new TimeSeries(String.format("sku-%02d", s), Frequency.DAY, start.atStartOfDay(), values, observed, c));
        }
        CovariateSpec spec = withCovariates ? new CovariateSpec(List.of("promo"), List.of(), List.of(), "US")
                : CovariateSpec.NONE;
        Panel panel = new Panel("sales", Frequency.DAY, full, Support.NONNEGATIVE, "promo-" + seed + "-" + withCovariates,
                "generated", null, spec);
        List<TimeSeries> train = full.stream().map(t -> t.head(days - horizon)).toList();
        return new Split(panel, panel.withSeries(train, "-train"), horizon);
    }

    /** Whole Monday-to-Sunday promotion weeks, about one in four. */
    static double[] promotions(SplittableRandom random, LocalDate start, int days) {
        double[] promo = new double[days];
        boolean on = false;
        for (int t = 0; t < days; t++) {
            LocalDate d = start.plusDays(t);
            if (t == 0 || d.getDayOfWeek() == DayOfWeek.MONDAY) {
                on = random.nextDouble() < 0.25;
            }
            promo[t] = on ? 1 : 0;
        }
        return promo;
    }

    private static double poisson(SplittableRandom random, double mean) {
        // Knuth's method in chunks of 30, so large means do not underflow exp(-mean)
        double count = 0;
        double remaining = mean;
        while (remaining > 0) {
            double m = Math.min(remaining, 30);
            remaining -= m;
            double limit = Math.exp(-m);
            double p = random.nextDouble();
            while (p > limit) {
                count++;
                p *= random.nextDouble();
            }
        }
        return count;
    }

    /** The mean weighted quantile loss over levels 0.1 .. 0.9 of forecasts {@code q[series][step][level]}. */
    public static double wql(Panel full, int horizon, double[][][] q) {
        double loss = 0;
        double scale = 0;
        for (int s = 0; s < full.series().size(); s++) {
            TimeSeries ts = full.series().get(s);
            for (int h = 0; h < horizon; h++) {
                double y = ts.value(ts.length() - horizon + h);
                scale += Math.abs(y);
                for (int l = 0; l < 9; l++) {
                    double level = (l + 1) / 10.0;
                    double e = y - q[s][h][l];
                    loss += 2 * Math.max(level * e, (level - 1) * e);
                }
            }
        }
        return loss / scale / 9;
    }

}
