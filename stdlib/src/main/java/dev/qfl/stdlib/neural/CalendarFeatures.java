package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import java.time.LocalDateTime;

/**
 * Calendar features of a time step, derived from the series' frequency: each seasonal position
 * (hour of day, day of week, day of year, month of year, ...) as a point on the unit circle
 * (sin, cos), so the end of a cycle sits next to its start.
 */
final class CalendarFeatures {
    private CalendarFeatures() {
    }

    /** Features per time step for a frequency. */
    static int count(Frequency f) {
        return switch (f) {
            case HOUR -> 4;     // hour of day, day of week
            case DAY -> 4;      // day of week, day of year
            case WEEK -> 2;     // week of year
            case MONTH -> 2;    // month of year
            case QUARTER -> 2;  // quarter of year
            case YEAR -> 0;
        };
    }

    /** Writes the features of time {@code t} into {@code out} starting at {@code offset}. */
    static void write(Frequency f, LocalDateTime t, float[] out, int offset) {
        switch (f) {
            case HOUR -> {
                circle(t.getHour(), 24, out, offset);
                circle(t.getDayOfWeek().getValue() - 1, 7, out, offset + 2);
            }
            case DAY -> {
                circle(t.getDayOfWeek().getValue() - 1, 7, out, offset);
                circle(t.getDayOfYear() - 1, 366, out, offset + 2);
            }
            case WEEK -> circle((t.getDayOfYear() - 1) / 7, 53, out, offset);
            case MONTH -> circle(t.getMonthValue() - 1, 12, out, offset);
            case QUARTER -> circle((t.getMonthValue() - 1) / 3, 4, out, offset);
            case YEAR -> {
            }
        }
    }

    private static void circle(int position, int period, float[] out, int offset) {
        double angle = 2 * Math.PI * position / period;
        out[offset] = (float) Math.sin(angle);
        out[offset + 1] = (float) Math.cos(angle);
    }
}
