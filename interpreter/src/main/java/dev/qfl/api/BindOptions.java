package dev.qfl.api;

import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Fill;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Support;
import java.util.Objects;

/**
 * How {@link QflSession#bind} reads rows into a series: the same meanings as the options of
 * {@code csv(...)} and {@code sql(...)}. Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * session.bind("demand", resultSet, BindOptions.of("week", "units", "sku").withFill(0));
 * }</pre>
 *
 * @param time      the time column (DATE, TIMESTAMP, or ISO text)
 * @param value     the value column, or null for one series per other column
 * @param id        the series-id column, or null for a single series
 * @param frequency the frequency, or null to infer it
 * @param fill      how gaps (missing rows, NULL values) are filled, or null to refuse them
 * @param support   where values lie, or null to detect it (non-negative when every value is >= 0)
 */
public record BindOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support) {
    public BindOptions {
        Objects.requireNonNull(time, "time");
    }

    /** Long rows: one row per series and time. */
    public static BindOptions of(String time, String value, String id) {
        return new BindOptions(time, value, id, null, null, null);
    }

    /** The frequency by its keyword: hour, day, week, month, quarter or year. */
    public BindOptions withFrequency(String keyword) {
        Frequency f = Frequency.fromKeyword(keyword).orElseThrow(() -> new IllegalArgumentException(
                "no frequency \"" + keyword + "\": hour, day, week, month, quarter or year"));
        return new BindOptions(time, value, id, f, fill, support);
    }

    /** Gaps filled with {@code constant}. */
    public BindOptions withFill(double constant) {
        return new BindOptions(time, value, id, frequency, new Fill.Constant(constant), support);
    }

    /** Gaps filled with the previous value. */
    public BindOptions withFillPrevious() {
        return new BindOptions(time, value, id, frequency, new Fill.Previous(), support);
    }

    /** Values that may be negative ({@code real}) or not ({@code nonnegative}). */
    public BindOptions withSupport(String keyword) {
        Support s = switch (keyword) {
            case "real" -> Support.REAL;
            case "nonnegative" -> Support.NONNEGATIVE;
            default -> throw new IllegalArgumentException("support is real or nonnegative, not \"" + keyword + "\"");
        };
        return new BindOptions(time, value, id, frequency, fill, s);
    }

    CsvOptions toOptions() {
        return new CsvOptions(time, value, id, frequency, fill, support);
    }
}
