package dev.qfl.stdlib.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code date_format:} pattern ({@code "dd.MM.yyyy"}, {@code "MM/yyyy"}, {@code "dd.MM.yyyy HH:mm"}):
 * a {@code java.time} pattern read strictly, so {@code 31.02.2024} is an error rather than quietly
 * the 29th. A pattern without a day reads the first of the month.
 */
public final class DateFormat {
    /** A time of day every pattern can show, to find patterns that cannot read back what they write. */
    private static final LocalDateTime PROBE = LocalDateTime.of(2024, 11, 28, 13, 45, 10);

    private DateFormat() {
    }

    /** The formatter of {@code pattern}; IllegalArgumentException when java.time cannot read it. */
    public static DateTimeFormatter compile(String pattern) {
        // Strict resolving needs the proleptic year (u): "yyyy" (year of era) alone has no era.
        return new DateTimeFormatterBuilder().appendPattern(yearOfEraAsYear(pattern))
                .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Why {@code pattern} cannot be a {@code date_format:}, or empty when it can: java.time must
     * accept it, and it must read back a date it wrote (a pattern of only a time has no date).
     */
    public static Optional<String> problem(String pattern) {
        if (pattern.isBlank()) {
            return Optional.of("the pattern is empty");
        }
        DateTimeFormatter f;
        try {
            f = compile(pattern);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            String written = f.format(PROBE);
            if (parse(f, written).map(t -> t.toLocalDate().equals(PROBE.toLocalDate())
                    || t.toLocalDate().equals(PROBE.toLocalDate().withDayOfMonth(1))).orElse(false)) {
                return Optional.empty();
            }
            return Optional.of("it does not name a year, month and day (e.g. yyyy, MM and dd)");
        } catch (DateTimeException e) {
            return Optional.of("it names something a date in a data file does not have (" + e.getMessage() + ")");
        }
    }

    /** The time {@code text} holds in the pattern's layout, or empty when it does not match. */
    public static Optional<LocalDateTime> parse(DateTimeFormatter format, String text) {
        try {
            TemporalAccessor t = format.parse(text.strip());
            LocalDate date = t.query(TemporalQueries.localDate());
            if (date == null) {
                return Optional.empty();
            }
            LocalTime time = t.query(TemporalQueries.localTime());
            return Optional.of(time == null ? date.atStartOfDay() : date.atTime(time));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code y} (year of era) as {@code u} (year), outside quoted literal text. */
    private static String yearOfEraAsYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }
}
