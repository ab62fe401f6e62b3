package dev.qfl.stdlib.data;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What absent rows mean for one panel, and what they suggest: under {@code missing: zero} each
 * series runs on to the common forecast origin (its missing tail is zeros); under
 * {@code missing: unknown} a series that ends early is forecast from its own last time, and a
 * panel with absent rows but not a single zero is probably a sales export that left out its zero
 * weeks. Both are said, naming the series, so the choice is never silent.
 */
final class MissingRows {
    /** Series named in a message before "and N more". */
    private static final int NAMED = 3;
    /**
     * Absent rows suggest omitted zeros when no value is 0 and either this share of the grid
     * points is absent, or this share of the series has absent rows: a panel of real sales with
     * many gaps and never a zero is rare, while slow movers in an export without zero weeks
     * produce exactly that.
     */
    private static final double ABSENT_POINT_SHARE = 0.01;
    private static final double SERIES_WITH_ABSENT_SHARE = 0.1;

    private final Missing mode;
    private final LocalDateTime origin;
    private final boolean explicitOrigin;
    private final Frequency frequency;
    /** The panel's point limit: a length past it is refused later, so counting stops just after it. */
    private final long maxPoints;
    private final List<String> endsEarly = new ArrayList<>();
    private int series;
    private int seriesWithAbsent;
    private long absentPoints;
    private long gridPoints;
    private boolean anyZero;

    /**
     * @param origin         the common forecast origin: {@code as_of:}, or the panel's last time
     * @param explicitOrigin whether it was given with {@code as_of:}
     */
    MissingRows(Missing mode, LocalDateTime origin, boolean explicitOrigin, Frequency frequency, long maxPoints) {
        this.mode = mode;
        this.origin = origin;
        this.explicitOrigin = explicitOrigin;
        this.frequency = frequency;
        this.maxPoints = maxPoints;
    }

    /**
     * The length of series {@code id} whose rows span {@code n} grid points: under
     * {@code missing: zero} through the origin (the last grid point at or before it when the origin
     * is the panel's last time of a series on another grid; {@code as_of:} must be on the grid).
     */
    int lengthThrough(String id, List<SeriesAssembler.Point> pts, int n, RowPositions where) {
        LocalDateTime start = pts.get(0).time();
        LocalDateTime last = pts.get(pts.size() - 1).time();
        if (!last.isBefore(origin)) {
            return n;
        }
        endsEarly.add("\"" + id + "\" (" + show(last) + ")");
        if (mode != Missing.ZERO) {
            return n;
        }
        var k = SeriesAssembler.gridIndex(frequency, start, origin);
        if (k.isPresent()) {
            return Math.toIntExact(Math.min(k.get() + 1, Math.min(maxPoints + 1, Integer.MAX_VALUE)));
        }
        if (explicitOrigin) {
            throw DataErrors.at(DataErrors.AS_OF_OFF_GRID, null, "as_of " + show(origin) + " is not on the "
                    + frequency.keyword() + " grid of series \"" + id + "\", whose last time is " + show(last),
                    "give a time of the grid, e.g. as_of: \"" + show(lastTimeOnGrid(start, n)) + "\" or later by whole steps");
        }
        return lastOnGrid(start, n);
    }

    /** The length up to the last grid point at or before the origin. */
    private int lastOnGrid(LocalDateTime start, int n) {
        int length = n;
        while (length <= Math.min(maxPoints, Integer.MAX_VALUE - 1) && !frequency.advance(start, length).isAfter(origin)) {
            length++;
        }
        return length;
    }

    private LocalDateTime lastTimeOnGrid(LocalDateTime start, int n) {
        return frequency.advance(start, lastOnGrid(start, n) - 1L);
    }

    /** Counts the absent rows inside a series' span and whether it has a zero. */
    void count(List<SeriesAssembler.Point> pts, int n) {
        series++;
        gridPoints += n;
        absentPoints += n - pts.size();
        seriesWithAbsent += n > pts.size() ? 1 : 0;
        anyZero |= pts.stream().anyMatch(p -> p.value() == 0.0);
    }

    List<String> notes() {
        if (mode != Missing.ZERO || endsEarly.isEmpty()) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%s before %s: the rows after their last time are taken as "
                + "zeros (missing: zero), so every series is forecast from %s", named(), show(origin), show(origin)));
    }

    /** @param filled whether {@code fill:} filled the absent rows (without it they were an error) */
    List<DataWarning> warnings(boolean filled) {
        List<DataWarning> out = new ArrayList<>();
        if (mode == Missing.UNKNOWN && !endsEarly.isEmpty()) {
            out.add(new DataWarning(DataErrors.ENDS_EARLY, String.format(Locale.ROOT, "%s before %s and "
                    + "%s, not from %s", named(), show(origin), endsEarly.size() == 1
                    ? "is forecast from its own last time" : "are forecast from their own last times", show(origin)),
                    "if an absent row means nothing was sold, say missing: zero and every series is forecast from "
                            + show(origin)));
        }
        boolean looksLikeOmittedZeros = absentPoints >= ABSENT_POINT_SHARE * gridPoints
                || seriesWithAbsent >= SERIES_WITH_ABSENT_SHARE * series;
        if (mode == Missing.UNKNOWN && filled && absentPoints > 0 && !anyZero && looksLikeOmittedZeros) {
            out.add(new DataWarning(DataErrors.OMITTED_ZEROS, String.format(Locale.ROOT, "%d of %d series have "
                    + "absent rows (%,d of %,d points) and no value is ever 0: this looks like an export that leaves "
                    + "out zero sales", seriesWithAbsent, series, absentPoints, gridPoints),
                    "if an absent row means nothing was sold, say missing: zero: fill: marks the points it fills as "
                            + "unobserved, so models never learn from them that zero sales happen"));
        }
        return out;
    }

    private String named() {
        int count = endsEarly.size();
        String names = String.join(", ", endsEarly.subList(0, Math.min(NAMED, count)));
        return String.format(Locale.ROOT, "%d of %d series (%s%s) %s", count, series, names,
                count > NAMED ? " and " + (count - NAMED) + " more" : "", count == 1 ? "ends" : "end");
    }

    private static String show(LocalDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }
}
