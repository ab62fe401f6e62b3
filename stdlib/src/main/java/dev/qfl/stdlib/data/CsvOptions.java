package dev.qfl.stdlib.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a CSV file into a panel.
 *
 * @param time      the time column (required)
 * @param value     the value column of a long file; null for a wide file (every other column is a series)
 * @param id        the series-id column of a long file; null for a single series
 * @param frequency the frequency, or null to infer it from the timestamps
 * @param fill      how to fill gaps, or null to treat a gap as an error
 * @param support   where values lie, or null to detect it (non-negative when every value is ≥ 0)
 * @param until     last time to read (inclusive), or null for all: holds out what comes after it
 */
public record CsvOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support,
                         LocalDateTime until) {

    public CsvOptions {
        Objects.requireNonNull(time, "time");
    }

    /** Options without a cut-off. */
    public CsvOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support) {
        this(time, value, id, frequency, fill, support, null);
    }

    /**
     * The {@code until} option's time: a date means the whole day, a date and time (with {@code T}
     * or a space between them) is taken as written; empty when the text is neither.
     */
    public static Optional<LocalDateTime> parseUntil(String text) {
        try {
            return Optional.of(text.length() > 10 ? LocalDateTime.parse(text.replace(' ', 'T'))
                    : LocalDate.parse(text).atTime(LocalTime.MAX));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A stable text of the options, part of the data fingerprint. */
    public String canonical() {
        return "time=" + time + ";value=" + value + ";id=" + id + ";freq=" + (frequency == null ? "" : frequency.keyword())
                + ";fill=" + fill + ";support=" + (support == null ? "" : support.keyword())
                + ";until=" + (until == null ? "" : until);
    }
}
