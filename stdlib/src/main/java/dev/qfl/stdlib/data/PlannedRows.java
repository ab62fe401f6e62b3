package dev.qfl.stdlib.data;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a {@code future:} source as read, before they are merged into the main source's
 * series: from a second CSV file or from a query ({@code sql(...)}, {@code parquet(...)}). The
 * merge rules ({@link FutureRows#merge}) are the same for both; only how a problem names its row
 * differs, so each reader brings its own {@link Reporter}.
 *
 * @param what      how messages name the source ("the future file", "the future query")
 * @param fromFile  whether a row's number is a line of a file (else a row of a query's result)
 * @param timeColumn the index of the time field in a file's lines (0 for a query)
 * @param rows      the planned rows, in the order read
 * @param digest    a digest of what was read (part of the panel's fingerprint)
 * @param positions where a row's fields are, for problems found when the series are assembled
 * @param reporter  turns a problem of one row into an error that names that row
 */
public record PlannedRows(String what, boolean fromFile, int timeColumn, List<Row> rows, String digest,
                          RowPositions positions, Reporter reporter) {
    public PlannedRows {
        Objects.requireNonNull(what, "what");
        rows = List.copyOf(rows);
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(reporter, "reporter");
    }

    /** How messages name the place of row number {@code n}: "line 7" of a file, "row 7" of a query. */
    public String place(int n) {
        return (fromFile ? "line " : "row ") + n;
    }

    /**
     * One planned row: the series, the time and the values of the numeric covariates (in the
     * order of {@link CovariateSpec#numeric()}, NaN where not given).
     *
     * @param line the row's line in a file, or its number in a query's result (from 1)
     */
    public record Row(String series, LocalDateTime time, double[] covariates, int line) {
    }

    /** Builds the error for a problem of {@code row}, at its series id or at its time. */
    @FunctionalInterface
    public interface Reporter {
        QflException problem(Row row, boolean atSeries, DiagnosticCode code, String message, String hint);
    }
}
