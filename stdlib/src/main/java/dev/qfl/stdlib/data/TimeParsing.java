package dev.qfl.stdlib.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the time formats QFL accepts in data files. */
public final class TimeParsing {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** An ISO week, {@code 2024-W05}: its Monday. */
    private static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private TimeParsing() {
    }

    /**
     * ISO date, ISO date-time (with {@code T} or a space), {@code yyyy-MM}, {@code yyyy}
     * or an ISO week ({@code 2024-W05}: its Monday).
     */
    public static Optional<LocalDateTime> parse(String text) {
        String s = text.strip();
        try {
            if (YEAR.matcher(s).matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(s), 1, 1).atStartOfDay());
            }
            if (ISO_WEEK.matcher(s).matches()) {
                return Optional.of(LocalDate.parse(s + "-1", DateTimeFormatter.ISO_WEEK_DATE).atStartOfDay());
            }
            if (YEAR_MONTH.matcher(s).matches()) {
                return Optional.of(YearMonth.parse(s).atDay(1).atStartOfDay());
            }
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s).atStartOfDay());
            }
            if (s.length() > 10 && s.charAt(10) == 'T') {
                return Optional.of(LocalDateTime.parse(s));
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                return Optional.of(LocalDateTime.parse(s, SPACED));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
