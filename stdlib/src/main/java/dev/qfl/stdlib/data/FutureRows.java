package dev.qfl.stdlib.data;

import dev.qfl.stdlib.diag.DiagnosticCode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the future values of the dynamic covariates from a second CSV file (the {@code future:}
 * option) and adds them, or the rows of a future query ({@link PlannedRows}), to the rows of the
 * main source, as if they had been written there as rows with the target empty. The file has the
 * main source's time and id columns and one column per dynamic covariate (other columns are
 * ignored); the main source's {@code date_format:}, {@code delimiter:}, {@code decimal:} and
 * encoding apply. Reading and merging are apart so that both readers share the rules below.
 *
 * <p>Rules, each refused at the future row (its line in a file, its number in a query's result):
 * a series and time that already has a row in the main source (QF3163: which of the two is meant
 * cannot be guessed); a time at or before the series' last observed value (QF3164: the history's covariates belong to the main source); a
 * series the main source does not have (QF3165, with did-you-mean). A missing column is QF3104
 * with the file's columns. Whether the merged future covers the horizon is checked when a model
 * forecasts (QF3160), as for planned rows in the main file.
 *
 * <p>Future points carry their line negated ({@link Merged#positions}): the rest of the assembly
 * names a point's line only for a time off the grid, and that must name the future file.
 */
final class FutureRows {
    private FutureRows() {
    }

    /**
     * What merging left: a digest of the future file (part of the panel's fingerprint) and the
     * positions of its rows, for problems found only when the series are assembled (a time off the
     * series' grid). A future row's points carry its line negated, so the panel's positions can
     * tell them from the main source's ({@link #positions}).
     */
    record Merged(String digest, RowPositions future) {
        /** The positions of the main source's rows and, for negative lines, of the future file's. */
        RowPositions positions(RowPositions main) {
            return new RowPositions() {
                @Override
                public dev.qfl.stdlib.FilePosition whole() {
                    return main.whole();
                }

                @Override
                public dev.qfl.stdlib.FilePosition at(int row, int column) {
                    return row < 0 ? future.at(-row, column) : main.at(row, column);
                }
            };
        }
    }

    /** The rows of the CSV file {@code file}, read with the main source's options. */
    static PlannedRows read(Path file, CsvOptions options) {
        try (CsvText csv = CsvText.open(file, options.charset(), options.maxRows(), options.shape().delimiter())) {
            return read(csv, options);
        }
    }

    private static PlannedRows read(CsvText csv, CsvOptions options) {
        CovariateSpec spec = options.covariatesRead();
        int timeCol = CsvLoader.column(csv, options.time());
        int[] idCols = options.idColumns().stream().mapToInt(c -> CsvLoader.column(csv, c)).toArray();
        int[] dynamicCols = spec.dynamic().stream().mapToInt(c -> CsvLoader.column(csv, c)).toArray();
        RowReader cells = new RowReader(csv, options);
        List<PlannedRows.Row> rows = new ArrayList<>();
        int numeric = spec.numeric().size();
        for (CsvText.Row r = csv.next(); r != null; r = csv.next()) {
            if (r.size() != csv.header.size()) {
                throw DataErrors.at(DataErrors.FIELD_COUNT, csv.at(r.line(), 0), "this row has " + r.size()
                        + " fields but the header has " + csv.header.size(), "a field containing a comma must be quoted");
            }
            LocalDateTime t = cells.time(r, timeCol, options.time());
            String id = idCols.length == 0 ? options.value() : cells.seriesId(r, idCols);
            double[] values = new double[numeric];
            java.util.Arrays.fill(values, Double.NaN);
            for (int c = 0; c < dynamicCols.length; c++) {
                String text = r.get(dynamicCols[c]);
                values[c] = DataNumbers.parse(text, options.shape().decimalComma());
                if (Double.isNaN(values[c]) && !DataNumbers.isMissing(text)) {
                    throw DataErrors.at(DataErrors.NOT_A_NUMBER, csv.at(r, dynamicCols[c]), "cannot parse \"" + text
                            + "\" as a number in the covariate column \"" + spec.dynamic().get(c) + "\"",
                            "covariates are numbers (a promotion is 0 or 1)");
                }
            }
            rows.add(new PlannedRows.Row(id, t, values, r.line()));
        }
        MessageDigest digest = csv.digestOfAllBytes();
        RowPositions positions = new RowPositions() {
            @Override
            public dev.qfl.stdlib.FilePosition whole() {
                return csv.header(-1);
            }

            @Override
            public dev.qfl.stdlib.FilePosition at(int line, int column) {
                return csv.at(line, column);   // reads the line again from the file, also once it is closed
            }
        };
        int seriesCol = idCols.length == 0 ? timeCol : idCols[0];
        return new PlannedRows("the future file", true, timeCol, rows, HexFormat.of().formatHex(digest.digest()).substring(0, 16),
                positions, (row, atSeries, code, message, hint) ->
                        DataErrors.at(code, csv.at(row.line(), atSeries ? seriesCol : timeCol), message, hint));
    }

    /**
     * Adds the rows of {@code planned} to {@code bySeries} (the main source's points per series),
     * refusing, at the planned row, what the class comment lists.
     */
    static Merged merge(PlannedRows planned, CsvOptions options, Map<String, List<SeriesAssembler.Point>> bySeries) {
        CovariateSpec spec = options.covariatesRead();
        Map<String, Map<LocalDateTime, Integer>> mainRows = new HashMap<>();   // series -> time -> line
        Map<String, LocalDateTime> lastObserved = new HashMap<>();
        bySeries.forEach((id, points) -> {
            Map<LocalDateTime, Integer> times = new HashMap<>();
            for (SeriesAssembler.Point p : points) {
                times.putIfAbsent(p.time(), p.line());
                if (!Double.isNaN(p.value()) && (lastObserved.get(id) == null || p.time().isAfter(lastObserved.get(id)))) {
                    lastObserved.put(id, p.time());
                }
            }
            mainRows.put(id, times);
        });
        Map<String, Map<LocalDateTime, Integer>> futureRows = new HashMap<>();
        List<String> ids = new ArrayList<>(bySeries.keySet());
        String what = planned.what();
        PlannedRows.Reporter report = planned.reporter();
        for (PlannedRows.Row r : planned.rows()) {
            String id = r.series();
            LocalDateTime t = r.time();
            if (!bySeries.containsKey(id)) {
                String close = CsvLoader.closest(id, ids);
                throw report.problem(r, true, DiagnosticCode.FUTURE_UNKNOWN_SERIES, "series \"" + id + "\" of " + what
                        + " is not in the main source", close != null ? "did you mean \"" + close + "\"?"
                        : what + " plans series the main source has");
            }
            Integer twice = mainRows.get(id).get(t);
            if (twice != null) {
                throw report.problem(r, false, DiagnosticCode.FUTURE_ROW_TWICE, "series \"" + id + "\" has a row for "
                        + SeriesAssembler.show(t) + " both here and on line " + twice + " of the main source",
                        "give each future time in one place: the main source's empty-target rows or " + what);
            }
            LocalDateTime last = lastObserved.get(id);
            if (last != null && !t.isAfter(last)) {
                throw report.problem(r, false, DiagnosticCode.FUTURE_ROW_NOT_AHEAD, SeriesAssembler.show(t)
                        + " is not after the last value of series \"" + id + "\" (" + SeriesAssembler.show(last) + ")",
                        what + " holds the times after each series' history; past covariates go in the main source");
            }
            Integer before = futureRows.computeIfAbsent(id, k -> new HashMap<>()).putIfAbsent(t, r.line());
            if (before != null) {
                throw report.problem(r, false, DataErrors.DUPLICATE_TIME, "series \"" + id + "\" has two rows for "
                        + SeriesAssembler.show(t) + " in " + what + " (the first is on " + planned.place(before) + ")",
                        "keep one row per series and time");
            }
            bySeries.get(id).add(new SeriesAssembler.Point(t, Double.NaN, -r.line(), planned.timeColumn(), r.covariates().clone(),
                    new String[spec.statics().size()]));
        }
        return new Merged(planned.digest(), planned.positions());
    }
}
