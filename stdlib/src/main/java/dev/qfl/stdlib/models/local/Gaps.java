package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.data.TimeSeries;
import java.util.Arrays;

/**
 * Makes a series complete for models that need every point (ETS, theta): unobserved points between
 * two observed ones are interpolated on a straight line, and unobserved points at the start are
 * dropped. Trailing gaps are kept as the last observed value, so step 1 still means the step after
 * the series' last date.
 */
final class Gaps {
    private Gaps() {
    }

    /** The complete values, or an empty array when nothing was observed. */
    static double[] interpolated(TimeSeries series) {
        double[] values = series.values();
        boolean[] observed = series.observed();
        int first = 0;
        while (first < values.length && !observed[first]) {
            first++;
        }
        if (first == values.length) {
            return new double[0];
        }
        double[] out = Arrays.copyOfRange(values, first, values.length);
        int previous = 0;
        for (int t = 1; t < out.length; t++) {
            if (!observed[first + t]) {
                continue;
            }
            int gap = t - previous;
            for (int k = 1; k < gap; k++) {
                out[previous + k] = out[previous] + (out[t] - out[previous]) * k / gap;
            }
            previous = t;
        }
        for (int t = previous + 1; t < out.length; t++) {
            out[t] = out[previous];
        }
        return out;
    }
}
