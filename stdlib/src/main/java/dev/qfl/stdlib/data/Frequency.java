package dev.qfl.stdlib.data;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The regular spacing of a time series. Calendar steps (month, quarter, year) keep the day of
 * month, except that month and quarter steps from the last day of a month land on the last day of
 * the target month: month-end data (06-30, 07-31, 08-31) stays month-end instead of drifting to
 * the 30th after the first short month.
 */
public enum Frequency {
    HOUR(ChronoUnit.HOURS, 1, 24),
    DAY(ChronoUnit.DAYS, 1, 7),
    WEEK(ChronoUnit.WEEKS, 1, 52),
    MONTH(ChronoUnit.MONTHS, 1, 12),
    QUARTER(ChronoUnit.MONTHS, 3, 4),
    YEAR(ChronoUnit.YEARS, 1, 1);

    private final ChronoUnit unit;
    private final int unitsPerStep;
    private final int season;

    Frequency(ChronoUnit unit, int unitsPerStep, int season) {
        this.unit = unit;
        this.unitsPerStep = unitsPerStep;
        this.season = season;
    }

    /** The usual seasonal period in steps (24 hours, 7 days, 52 weeks, 12 months, 4 quarters, 1 year). */
    public int defaultSeason() {
        return season;
    }

    /** The name used in scripts: {@code hour}, {@code day}, ... */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when timestamps carry a meaningful time of day. */
    public boolean hasTimeOfDay() {
        return this == HOUR;
    }

    public LocalDateTime advance(LocalDateTime t, long steps) {
        LocalDateTime next = t.plus(steps * unitsPerStep, unit);
        if (unit == ChronoUnit.MONTHS && isMonthEnd(t)) {
            return next.with(TemporalAdjusters.lastDayOfMonth());
        }
        return next;
    }

    /**
     * Whether {@code t} falls on the last day of its month. A series that starts there is taken as
     * month-end data (a first date of February 28 in a common year counts, too).
     */
    static boolean isMonthEnd(LocalDateTime t) {
        return t.getDayOfMonth() == t.toLocalDate().lengthOfMonth();
    }

    /**
     * Whole steps from {@code from} to {@code to}, or empty when {@code to} is not on the grid that
     * starts at {@code from}.
     */
    public Optional<Long> stepsBetween(LocalDateTime from, LocalDateTime to) {
        long steps = unit.between(from, to) / unitsPerStep;
        // Steps between month ends (Jan 31 to Feb 29) count one short in whole units: try around.
        for (long k = steps - 1; k <= steps + 1; k++) {
            if (advance(from, k).equals(to)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<Frequency> fromKeyword(String word) {
        return Arrays.stream(values()).filter(f -> f.keyword().equals(word)).findFirst();
    }
}
