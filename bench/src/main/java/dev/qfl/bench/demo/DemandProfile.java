package dev.qfl.bench.demo;

import java.util.Random;

/**
 * How one demo SKU sells: a daily draw of units from a seeded generator. Only arithmetic whose
 * result Java fixes bit for bit is used ({@link java.util.Random}, whose algorithm is specified, and
 * {@link StrictMath}), so the demo files come out byte-identical on every machine and JVM.
 */
sealed interface DemandProfile {

    /** Units sold on day {@code day} (0 = the first day), whose weekday is {@code weekday} (0 = Monday). */
    int draw(int day, int weekday, Random random);

    /**
     * A steady mover: level × (1 + trend·day) × a weekday factor, with day-to-day noise.
     *
     * @param level    mean units a day at the start
     * @param trend    relative change per day (0.001 = +0.1% a day)
     * @param weekdays seven factors Monday..Sunday, rescaled to average 1
     */
    record Steady(double level, double trend, double[] weekdays) implements DemandProfile {
        @Override
        public int draw(int day, int weekday, Random random) {
            double mean = level * (1 + trend * day) * weekdayFactor(weekdays, weekday);
            return Draws.noisyPoisson(mean, random);
        }
    }

    /**
     * A seasonal item that wakes up in spring: a logistic ramp from {@code low} to {@code high}
     * centred on day {@code midpoint}, {@code width} days per e-fold, times a weekday factor.
     */
    record Ramp(double low, double high, double midpoint, double width, double[] weekdays) implements DemandProfile {
        @Override
        public int draw(int day, int weekday, Random random) {
            double share = 1 / (1 + StrictMath.exp(-(day - midpoint) / width));
            double mean = (low + (high - low) * share) * weekdayFactor(weekdays, weekday);
            return Draws.noisyPoisson(mean, random);
        }
    }

    /**
     * A slow mover: most days sell nothing; on a selling day (probability {@code sellingDays}) it
     * sells 1, 2 or 3 units with the given probabilities of 2 and 3.
     */
    record Intermittent(double sellingDays, double twoUnits, double threeUnits) implements DemandProfile {
        @Override
        public int draw(int day, int weekday, Random random) {
            if (random.nextDouble() >= sellingDays) {
                return 0;
            }
            double u = random.nextDouble();
            return u < threeUnits ? 3 : u < threeUnits + twoUnits ? 2 : 1;
        }
    }

    private static double weekdayFactor(double[] weekdays, int weekday) {
        double sum = 0;
        for (double w : weekdays) {
            sum += w;
        }
        return weekdays[weekday] * weekdays.length / sum;
    }
}
