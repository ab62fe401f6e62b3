package dev.qfl.stdlib.data;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way rows become a panel, whatever their source (a CSV file, a SQL query, rows handed
 * over by an embedding application): points are collected per series, then assembled into regular
 * series (sorted, duplicates refused, frequency inferred, gaps filled as {@code fill:} says), the
 * support detected, and the summary notes written. Sources only read cells.
 */
public final class PanelRows {
    private RowPositions where;   // widened to the future rows' positions by mergeFuture
    private final Map<String, List<SeriesAssembler.Point>> bySeries = new LinkedHashMap<>();
    private long points;
    /** The most points added before the rows are refused, so a huge source fails before the heap does. */
    private final long maxPoints;

    /** Rows whose problems are reported at {@code where}, at most the default point limit of a panel. */
    public PanelRows(RowPositions where) {
        this(where, SeriesAssembler.MAX_POINTS);
    }

    /**
     * Rows whose problems are reported at {@code where}, read under a {@code max_rows:} of
     * {@code maxRows}: a panel may then hold that many points when it is above the default limit
     * (the user asked for a large panel; see {@link SeriesAssembler#pointLimit}).
     */
    public PanelRows(RowPositions where, long maxRows) {
        this.where = where;
        this.maxPoints = Math.max(SeriesAssembler.MAX_POINTS, maxRows);
    }

    /**
     * Adds one value of series {@code id} (NaN for a missing value).
     *
     * @param row        the row it came from (1-based), named by diagnostics
     * @param timeColumn the 0-based column of its time, for positions
     */
    public void add(String id, LocalDateTime time, double value, int row, int timeColumn) {
        add(id, time, value, row, timeColumn, null, null);
    }

    /**
     * Adds one value of series {@code id} with its row's covariates: the numeric ones (dynamic,
     * then past, as {@link CovariateSpec#numeric()} orders them; NaN when empty) and the static texts.
     */
    public void add(String id, LocalDateTime time, double value, int row, int timeColumn, double[] covariates,
                    String[] statics) {
        if (++points > maxPoints) {
            throw DataErrors.at(DataErrors.TOO_MANY_POINTS, where.at(row, 0), String.format(Locale.ROOT,
                    "more than %,d values (at row %,d), more than a panel may hold", maxPoints, row),
                    "read fewer rows (a narrower query, or until:), or raise max_rows: to load a larger panel");
        }
        bySeries.computeIfAbsent(id, k -> new ArrayList<>()).add(new SeriesAssembler.Point(time, value, row, timeColumn,
                covariates, statics));
    }

    /** Makes sure series {@code id} exists (a wide source's column), even if it gets no row. */
    public void declare(String id) {
        bySeries.computeIfAbsent(id, k -> new ArrayList<>());
    }

    /**
     * Adds the rows of a {@code future:} source to the rows added so far, under the rules of
     * {@link FutureRows}, and returns a digest of them for the panel's fingerprint.
     */
    public String mergeFuture(PlannedRows future, CsvOptions options) {
        FutureRows.Merged merged = FutureRows.merge(future, options, bySeries);
        where = merged.positions(where);
        return merged.digest();
    }

    /**
     * The panel of the rows added so far.
     *
     * @param fingerprint a digest of the data and options: equal fingerprints mean equal data
     * @param source      a short description of where the rows came from
     * @param path        the file read, or null when the rows did not come from one file
     * @param rows        how many rows were read (for the summary note)
     */
    public LoadedPanel finish(String name, CsvOptions options, String fingerprint, String source, Path path, long rows) {
        return finish(name, bySeries, where, options, fingerprint, source, path, rows,
                Math.max(maxPoints, SeriesAssembler.pointLimit(SeriesAssembler.MAX_POINTS, options)));
    }

    /** @param maxPoints the most points the assembled panel may hold, gaps filled included */
    static LoadedPanel finish(String name, Map<String, List<SeriesAssembler.Point>> bySeries, RowPositions where,
                              CsvOptions options, String fingerprint, String source, Path path, long rows,
                              long maxPoints) {
        SeriesAssembler.Result assembled = new SeriesAssembler(where, options, maxPoints).assemble(bySeries);
        List<TimeSeries> series = assembled.series();
        Support support = options.support();
        List<String> notes = new ArrayList<>();
        if (support == null) {
            boolean nonNegative = series.stream().allMatch(PanelRows::nonNegative);
            support = nonNegative ? Support.NONNEGATIVE : Support.REAL;
            if (nonNegative) {
                notes.add(name + ": all values are >= 0, so it is treated as non-negative (support: real turns this off)");
            }
        }
        Panel panel = new Panel(name, assembled.frequency(), series, support, fingerprint, source, path,
                options.covariatesRead());
        notes.add(0, summary(name, panel, rows));
        notes.addAll(assembled.notes());
        return new LoadedPanel(panel, notes, assembled.warnings());
    }

    private static String summary(String name, Panel panel, long rows) {
        var first = panel.series().stream().map(TimeSeries::start).min(Comparable::compareTo).orElseThrow();
        var last = panel.series().stream().map(TimeSeries::end).max(Comparable::compareTo).orElseThrow();
        boolean time = panel.frequency().hasTimeOfDay();
        return String.format(Locale.ROOT, "%s: %d series, %s, %s .. %s, %,d rows", name, panel.series().size(),
                panel.frequency().keyword(), time ? first : first.toLocalDate(), time ? last : last.toLocalDate(), rows);
    }

    private static boolean nonNegative(TimeSeries s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.isObserved(i) && s.value(i) < 0) {
                return false;
            }
        }
        return true;
    }
}
