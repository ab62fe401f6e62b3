package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded panels for neural tests: daily series with a weekly pattern and noise. */
final class SyntheticPanels {
    private SyntheticPanels() {
    }

    static Panel weekly(int series, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double level = 10 + 40 * r.nextDouble();
            double phase = r.nextDouble() * 6;
            double[] v = new double[length];
            for (int t = 0; t < length; t++) {
                double mean = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 7 + phase));
                v[t] = Math.max(0, mean + Math.sqrt(level) * r.nextGaussian());
            }
            out.add(TimeSeries.of("s" + s, Frequency.DAY, LocalDateTime.of(2024, 1, 1, 0, 0), v));
        }
        return new Panel("synthetic", Frequency.DAY, out, Support.NONNEGATIVE, "synthetic-" + seed, "test");
    }
}
