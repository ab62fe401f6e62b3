package dev.qfl.stdlib.data;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the rows read for each series into regular series: sorted, duplicates rejected, the
 * frequency given or inferred, every time placed on the frequency's grid, and gaps filled or
 * reported.
 */
final class SeriesAssembler {
    private static final List<Frequency> COARSEST_FIRST =
            List.of(Frequency.YEAR, Frequency.QUARTER, Frequency.MONTH, Frequency.WEEK, Frequency.DAY, Frequency.HOUR);

    /**
     * The most points a panel may hold by default, read or filled in: ten million values (about
     * 100 MB as series, several times that while reading) is beyond most forecasting panels and
     * fits a default heap, and a gap filled across centuries of hours must fail before the memory
     * for it is taken. A larger panel is loaded when the user asks for it: see {@link #pointLimit}.
     */
    static final long MAX_POINTS = 10_000_000L;

    /**
     * The most points a panel read with {@code options} may hold: {@code defaultLimit}, or
     * {@code max_rows:} when the user raised it above that. Raising {@code max_rows:} is the one
     * deliberate way to say "this panel is this large", so the point limit follows it rather
     * than a size guessed from the heap, which would make the same script load on one machine
     * and not on another. It never falls below the default, so a small {@code max_rows:} (meant
     * to catch a wrong file) does not refuse a wide file whose rows hold several points each.
     * Whatever the limit, a series is measured before its arrays are allocated, so a gap filled
     * across centuries still fails with QF3115 before taking the memory.
     */
    static long pointLimit(long defaultLimit, CsvOptions options) {
        return Math.max(defaultLimit, options.maxRows());
    }

    /**
     * The most future steps of covariates kept per series: far beyond any horizon, and a bound on
     * what a stray far-future row can make a series allocate.
     */
    static final int MAX_FUTURE = 10_000;

    /**
     * One cell: its time, its value (NaN when missing), the line and time field it came from, and
     * the row's covariates: numeric ones (dynamic, then past; NaN when empty) and static texts
     * (null when the source has none).
     */
    record Point(LocalDateTime time, double value, int line, int timeColumn, double[] covariates, String[] statics) {
        Point(LocalDateTime time, double value, int line, int timeColumn) {
            this(time, value, line, timeColumn, null, null);
        }
    }

    record Result(Frequency frequency, List<TimeSeries> series, List<String> notes, List<DataWarning> warnings) {
    }

    /** Where each row's cells are, for diagnostics (a CSV file's lines, or rows of a query). */
    private final RowPositions where;
    private final CsvOptions options;
    /** The most points the panel may hold, read or filled in (see {@link #pointLimit}). */
    private final long maxPoints;

    SeriesAssembler(RowPositions where, CsvOptions options, long maxPoints) {
        this.where = where;
        this.options = options;
        this.maxPoints = maxPoints;
    }

    Result assemble(Map<String, List<Point>> bySeries) {
        List<String> notes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<List<Point>> sorted = new ArrayList<>();
        List<List<Point>> allRows = new ArrayList<>();   // with the future rows, for the covariates
        for (Map.Entry<String, List<Point>> e : bySeries.entrySet()) {
            List<Point> pts = new ArrayList<>(e.getValue());
            pts.sort(Comparator.comparing(Point::time).thenComparingInt(Point::line));
            rejectDuplicates(e.getKey(), pts);
            List<Point> trimmed = trim(upToOrigin(pts));
            if (trimmed.isEmpty()) {
                notes.add("series \"" + e.getKey() + "\" has no values and is left out");
                continue;
            }
            ids.add(e.getKey());
            sorted.add(trimmed);
            allRows.add(pts);
        }
        if (sorted.isEmpty()) {
            throw DataErrors.at(DataErrors.EMPTY_FILE, where.whole(), "no series in the file has any value", null);
        }
        Frequency freq = options.frequency() != null ? options.frequency() : infer(sorted);
        LocalDateTime origin = options.shape().asOf() != null ? options.shape().asOf()
                : sorted.stream().map(s -> s.get(s.size() - 1).time()).max(Comparator.naturalOrder()).orElseThrow();
        MissingRows missing = new MissingRows(options.shape().missing(), origin, options.shape().asOf() != null, freq,
                maxPoints);
        List<TimeSeries> series = new ArrayList<>();
        long points = 0;
        for (int i = 0; i < sorted.size(); i++) {
            long[] index = gridIndices(ids.get(i), sorted.get(i), freq);
            int n = Math.toIntExact(index[index.length - 1] + 1);
            int length = missing.lengthThrough(ids.get(i), sorted.get(i), n, where);
            points += length(ids.get(i), sorted.get(i), freq, points, length);
            missing.count(sorted.get(i), n);
            TimeSeries built = build(ids.get(i), sorted.get(i), index, freq, length);
            series.add(options.covariatesRead().isEmpty() ? built : new TimeSeries(built.id(), freq, built.start(),
                    built.values(), built.observed(), new CovariateRows(where, options.covariatesRead(), freq)
                    .assemble(ids.get(i), allRows.get(i), built.start(), length)));
        }
        notes.addAll(missing.notes());
        return new Result(freq, series, notes, missing.warnings(options.fill() != null));
    }

    /** With {@code as_of:}, the rows after it are not read: it is the forecast origin. */
    private List<Point> upToOrigin(List<Point> pts) {
        LocalDateTime asOf = options.shape().asOf();
        if (asOf == null) {
            return pts;
        }
        int to = pts.size();
        while (to > 0 && pts.get(to - 1).time().isAfter(asOf)) {
            to--;
        }
        return pts.subList(0, to);
    }

    private void rejectDuplicates(String id, List<Point> pts) {
        for (int i = 1; i < pts.size(); i++) {
            if (pts.get(i).time().equals(pts.get(i - 1).time())) {
                Point first = pts.get(i - 1);
                Point second = pts.get(i);
                throw DataErrors.at(DataErrors.DUPLICATE_TIME, where.at(second.line(), second.timeColumn()),
                        "series \"" + id + "\" has two rows for " + show(second.time()) + " (the first is on line "
                                + first.line() + ")", "keep one row per series and time");
            }
        }
    }

    /** Missing cells before the first and after the last value just mean the series is shorter. */
    private static List<Point> trim(List<Point> pts) {
        int from = 0;
        int to = pts.size();
        while (from < to && Double.isNaN(pts.get(from).value())) {
            from++;
        }
        while (to > from && Double.isNaN(pts.get(to - 1).value())) {
            to--;
        }
        return pts.subList(from, to);
    }

    /**
     * The coarsest frequency on whose grid every series lies, with at least one single step:
     * weekly data also fits a daily grid, but its steps would all be 7, which means weeks.
     */
    private Frequency infer(List<List<Point>> series) {
        boolean anyStep = series.stream().anyMatch(s -> s.size() > 1);
        if (!anyStep) {
            throw DataErrors.at(DataErrors.FREQUENCY, where.whole(),
                    "cannot infer the frequency: every series has a single time",
                    "give it, e.g. freq: day (hour, day, week, month, quarter, year)");
        }
        for (Frequency f : COARSEST_FIRST) {
            long gcd = 0;
            boolean fits = true;
            for (List<Point> s : series) {
                LocalDateTime start = s.get(0).time();
                long previous = 0;
                for (int i = 1; i < s.size() && fits; i++) {
                    Optional<Long> k = gridIndex(f, start, s.get(i).time());
                    if (k.isEmpty()) {
                        fits = false;
                    } else {
                        gcd = gcd(gcd, k.get() - previous);
                        previous = k.get();
                    }
                }
            }
            if (fits && gcd == 1) {
                return f;
            }
            if (fits && gcd > 1 && f == Frequency.HOUR) {
                break;
            }
        }
        throw DataErrors.at(DataErrors.FREQUENCY, where.whole(),
                "cannot infer the frequency: the times do not step by one hour, day, week, month, quarter or year",
                "give it, e.g. freq: day; with freq given, missing times are gaps (see fill:)");
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The step index of {@code t} on the grid of {@code f} starting at {@code start}, if it is on it. */
    static Optional<Long> gridIndex(Frequency f, LocalDateTime start, LocalDateTime t) {
        long approx = switch (f) {
            case HOUR -> ChronoUnit.HOURS.between(start, t);
            case DAY -> ChronoUnit.DAYS.between(start, t);
            case WEEK -> ChronoUnit.DAYS.between(start, t) / 7;
            case MONTH -> ChronoUnit.MONTHS.between(start, t);
            case QUARTER -> ChronoUnit.MONTHS.between(start, t) / 3;
            case YEAR -> ChronoUnit.YEARS.between(start, t);
        };
        // Calendar steps from month ends (Jan 31 + 1 month = Feb 29) make "between" one short.
        for (long k = approx - 1; k <= approx + 1; k++) {
            if (k >= 0 && f.advance(start, k).equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The length of a series on its grid, first to last time; refused, before anything is
     * allocated, when it would take the panel past its point limit (a few rows spanning
     * thousands of years of hours, with fill:).
     */
    private long length(String id, List<Point> pts, Frequency freq, long before, long steps) {
        Point first = pts.get(0);
        Point last = pts.get(pts.size() - 1);
        if (before + steps > maxPoints) {
            throw DataErrors.at(DataErrors.TOO_MANY_POINTS, where.at(last.line(), last.timeColumn()),
                    String.format(java.util.Locale.ROOT, "series \"%s\" spans %,d %s steps from %s to %s, more than the "
                            + "%,d points a panel may hold", id, steps, freq.keyword(), show(first.time()), show(last.time()),
                            maxPoints), "check the times of this series, or its frequency (freq:)");
        }
        return steps;
    }

    /** The step of every point on the grid that starts at the series' first time. */
    private long[] gridIndices(String id, List<Point> pts, Frequency freq) {
        LocalDateTime start = pts.get(0).time();
        long[] index = new long[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            index[i] = gridIndex(freq, start, p.time()).orElseThrow(() -> DataErrors.at(DataErrors.OFF_GRID,
                    where.at(p.line(), p.timeColumn()), show(p.time()) + " in series \"" + id + "\" is not on the "
                            + freq.keyword() + " grid that starts at " + show(start),
                    "check the frequency (freq:) and the times of this series"));
        }
        return index;
    }

    /**
     * The series of {@code n} points (its rows' span, or more: a tail of zeros up to the origin
     * under {@code missing: zero}). A grid point without a row is an observed zero under
     * {@code missing: zero}; otherwise it, like a row without a value, is a gap for {@code fill:}.
     */
    private TimeSeries build(String id, List<Point> pts, long[] index, Frequency freq, int n) {
        LocalDateTime start = pts.get(0).time();
        double[] values = new double[n];
        boolean[] observed = new boolean[n];
        boolean[] hasRow = new boolean[n];
        java.util.Arrays.fill(values, Double.NaN);
        for (int i = 0; i < pts.size(); i++) {
            values[(int) index[i]] = pts.get(i).value();
            hasRow[(int) index[i]] = true;
        }
        boolean absentIsZero = options.shape().missing() == Missing.ZERO;
        double last = Double.NaN;
        int next = 0;
        for (int k = 0; k < n; k++) {
            while (next < pts.size() && index[next] < k) {
                next++;
            }
            if (Double.isNaN(values[k]) && !hasRow[k] && absentIsZero) {
                values[k] = 0.0;   // an observed zero: models learn from it, unlike a filled point
            }
            if (!Double.isNaN(values[k])) {
                observed[k] = true;
                last = values[k];
                continue;
            }
            if (options.fill() == null) {
                Point after = pts.get(Math.min(next, pts.size() - 1));
                throw DataErrors.at(DataErrors.GAP, where.at(after.line(), after.timeColumn()),
                        "series \"" + id + "\" has no value at " + show(freq.advance(start, k)) + " (a gap)",
                        "add fill: 0 or fill: previous to the source's options");
            }
            values[k] = options.fill() instanceof Fill.Constant c ? c.value() : last;
        }
        return new TimeSeries(id, freq, start, values, observed);
    }

    static String show(LocalDateTime t) {
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }
}
