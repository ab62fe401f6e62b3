package dev.qfl.bench.demo;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ar1.csv}: series whose days move together, for the joint-forecast example. Each series is
 * 50 + 5·x_t with x an AR(1) process of correlation 0.9 and unit variance, so a high day is usually
 * followed by another high day and a week's total is far more spread out than seven independent
 * days would be. Built from {@link Random#nextGaussian} (StrictMath inside), so it is byte-identical
 * on every machine.
 */
final class JointDemoData {
    static final int SERIES = 30;
    static final int DAYS = 120;
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final double RHO = 0.9;
    private static final double LEVEL = 50;
    private static final double SD = 5;
    private static final long SEED = 20240909L;

    private JointDemoData() {
    }

    static String csv() {
        StringBuilder out = new StringBuilder("date,series,units\n");
        double[][] values = new double[SERIES][DAYS];
        for (int s = 0; s < SERIES; s++) {
            Random random = new Random(SEED * 31 + s);
            double x = random.nextGaussian();
            double innovation = StrictMath.sqrt(1 - RHO * RHO);
            for (int t = 0; t < DAYS; t++) {
                if (t > 0) {
                    x = RHO * x + innovation * random.nextGaussian();
                }
                values[s][t] = LEVEL + SD * x;
            }
        }
        for (int t = 0; t < DAYS; t++) {
            String date = FIRST_DAY.plusDays(t).toString();
            for (int s = 0; s < SERIES; s++) {
                out.append(date).append(',').append(id(s)).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", values[s][t])).append('\n');
            }
        }
        return out.toString();
    }

    static String id(int s) {
        return String.format(Locale.ROOT, "g%02d", s + 1);
    }
}
