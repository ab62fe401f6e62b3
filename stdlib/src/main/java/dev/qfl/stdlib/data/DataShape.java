package dev.qfl.stdlib.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the rows of a source are laid out and what their absence means, beyond the columns: the
 * options planners' exports need ({@code id: [...]}, {@code delimiter:}, {@code date_format:},
 * {@code decimal:}, {@code missing:}, {@code as_of:}).
 *
 * @param keys         the key columns when {@code id:} names several (empty otherwise): the series
 *                     id joins their values with {@link #KEY_SEPARATOR}
 * @param delimiter    the field separator of a CSV file
 * @param dateFormat   a {@code java.time} pattern for the time column, or null for the built-in formats
 * @param decimalComma whether numbers are written with a decimal comma ({@code 12,5})
 * @param missing      what an absent row means
 * @param asOf         the common forecast origin, or null for the panel's last time
 */
public record DataShape(List<String> keys, char delimiter, String dateFormat, boolean decimalComma, Missing missing,
                        LocalDateTime asOf) {

    /** Joins the key values of a series into its id ({@code A-17/S1}); refused inside key values. */
    public static final String KEY_SEPARATOR = "/";

    /** Comma-separated, built-in time formats, decimal point, absent rows unknown, no common origin. */
    public static final DataShape DEFAULT = new DataShape(List.of(), ',', null, false, Missing.UNKNOWN, null);

    public DataShape {
        keys = List.copyOf(keys);
        Objects.requireNonNull(missing, "missing");
        if (keys.size() == 1) {
            throw new IllegalArgumentException("a single id column is CsvOptions.id");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        if (decimalComma && delimiter == ',') {
            throw new IllegalArgumentException("a decimal comma needs another delimiter");
        }
        if (dateFormat != null) {
            DateFormat.compile(dateFormat);   // fails here, not at the first row
        }
    }

    /**
     * The {@code as_of:} option's time: a date is that day (its start, where daily and coarser
     * series have their times), a date and time is taken as written; empty when the text is neither.
     */
    public static Optional<LocalDateTime> parseAsOf(String text) {
        try {
            return Optional.of(text.length() > 10 ? LocalDateTime.parse(text.replace(' ', 'T'))
                    : LocalDate.parse(text).atStartOfDay());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A stable text of the options that differ from the defaults, part of the data fingerprint. */
    String canonical() {
        if (equals(DEFAULT)) {
            return "";   // fingerprints (and cached models) of files read without these options stay as they were
        }
        return ";keys=" + String.join(KEY_SEPARATOR, keys) + ";delimiter=" + (int) delimiter + ";date_format="
                + (dateFormat == null ? "" : dateFormat) + ";decimal=" + (decimalComma ? "," : ".") + ";missing="
                + missing.keyword() + ";as_of=" + (asOf == null ? "" : asOf);
    }
}
