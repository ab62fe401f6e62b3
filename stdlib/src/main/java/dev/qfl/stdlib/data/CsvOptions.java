package dev.qfl.stdlib.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * @param encoding  the file's character encoding, or null for UTF-8
 * @param maxRows   the most data rows read ({@link #DEFAULT_MAX_ROWS} by default); more is an error
 * @param shape     delimiter, date format, decimal comma, several key columns, what absent rows mean
 *                  and the common forecast origin
 * @param covariates the covariate columns and holiday calendar ({@link CovariateSpec#NONE} for none)
 */
public record CsvOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support,
                         LocalDateTime until, Charset encoding, long maxRows, DataShape shape, CovariateSpec covariates) {

    /** Options without covariates. */
    public CsvOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support,
                      LocalDateTime until, Charset encoding, long maxRows, DataShape shape) {
        this(time, value, id, frequency, fill, support, until, encoding, maxRows, shape, CovariateSpec.NONE);
    }

    /**
     * The covariates actually read: none for a wide source (no value column), whose columns are
     * series, not covariates (the checker refuses covariate options there, QF2041).
     */
    public CovariateSpec covariatesRead() {
        return value == null ? CovariateSpec.NONE : covariates;
    }

    /** The same options with covariate columns and a holiday calendar. */
    public CsvOptions withCovariates(CovariateSpec spec) {
        return new CsvOptions(time, value, id, frequency, fill, support, until, encoding, maxRows, shape, spec);
    }

    /**
     * The default row limit: ten million rows is far beyond a forecasting panel and still fits a
     * default heap; a file past it is more likely a wrong file than data.
     */
    public static final long DEFAULT_MAX_ROWS = 10_000_000L;

    public CsvOptions {
        Objects.requireNonNull(time, "time");
        if (maxRows < 1) {
            throw new IllegalArgumentException("max_rows must be at least 1");
        }
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(covariates, "covariates");
        if (id != null && !shape.keys().isEmpty()) {
            throw new IllegalArgumentException("give either one id column or several keys");
        }
    }

    /** Options of the usual shape (comma-separated, ISO dates, absent rows unknown). */
    public CsvOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support,
                      LocalDateTime until, Charset encoding, long maxRows) {
        this(time, value, id, frequency, fill, support, until, encoding, maxRows, DataShape.DEFAULT);
    }

    /** The columns that name a series: several keys, the one id column, or none (a single series). */
    public List<String> idColumns() {
        return !shape.keys().isEmpty() ? shape.keys() : id == null ? List.of() : List.of(id);
    }

    /** Options in UTF-8 with the default row limit. */
    public CsvOptions(String time, String value, String id, Frequency frequency, Fill fill, Support support,
                      LocalDateTime until) {
        this(time, value, id, frequency, fill, support, until, null, DEFAULT_MAX_ROWS);
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
                + ";until=" + (until == null ? "" : until)
                // only when given, so fingerprints (and cached models) of UTF-8 files stay as they were
                + (encoding == null ? "" : ";encoding=" + encoding.name())
                + shape.canonical() + covariates.canonical();
    }

    /** The charset the file is decoded with. */
    public Charset charset() {
        return encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    /**
     * The charset named by an {@code encoding:} option ({@code "UTF-8"}, {@code "ISO-8859-1"},
     * {@code "windows-1252"}, ...), or empty when Java knows no such name.
     */
    public static Optional<Charset> parseEncoding(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
