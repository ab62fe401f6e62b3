package dev.qfl.bench.demo;

import java.util.Random;

/**
 * Monthly sales of one region for the wide demo file: a linear trend times a yearly cycle, with
 * multiplicative noise, never negative.
 *
 * @param region    column name
 * @param level     mean units a month in the first month
 * @param growth    units added to the mean each month
 * @param amplitude relative height of the yearly cycle (0.3 = ±30%)
 * @param peakMonth calendar month (1..12) where the cycle peaks
 * @param noise     standard deviation of the log-normal month-to-month noise
 */
record RegionalProfile(String region, double level, double growth, double amplitude, int peakMonth, double noise) {

    /** Units in month {@code index} (0 = the first month), which is calendar month {@code month} (1..12). */
    long draw(int index, int month, Random random) {
        double cycle = 1 + amplitude * StrictMath.cos(2 * StrictMath.PI * (month - peakMonth) / 12.0);
        double mean = (level + growth * index) * cycle;
        double jitter = StrictMath.exp(noise * random.nextGaussian() - noise * noise / 2);
        return Math.max(0, Math.round(mean * jitter));
    }
}
