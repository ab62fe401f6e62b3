package dev.qfl.spark;

import dev.qfl.diag.Span;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Fill;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Support;
import java.io.Serializable;

/**
 * The one series declaration of a script run on Spark, as Spark reads it: a long-format file
 * (one row per series and time) that executors read themselves. Only what can be carried to an
 * executor is kept: plain strings and numbers, no parsed script.
 *
 * @param name      the series name ({@code demand})
 * @param format    {@code csv} or {@code parquet}
 * @param path      the path as written in the script (shown in messages)
 * @param location  the path Spark reads: resolved against the script's folder unless absolute or a URL
 * @param time      the time column
 * @param value     the value column
 * @param id        the series-id column
 * @param frequency the frequency keyword, or null to infer it per partition (see docs/scale.md)
 * @param fillConstant the constant gaps are filled with, or null
 * @param fillPrevious whether gaps take the previous value
 * @param support   {@code real}, {@code nonnegative}, or null: then the driver decides it for the
 *                  whole panel, so that every partition floors (or not) as one JVM would
 * @param shape     several id columns, delimiter, date format, decimal comma, missing rows, as_of
 * @param declStart the span (start offset) of the source's call, csv(...), where its problems are reported
 * @param pathStart where the path's string literal starts in the script (a partition reading
 *                  several id columns puts its own file there, see {@link KeyedSource})
 * @param pathEnd   where it ends
 * @param maxRows   {@code max_rows:}, or null: then a Spark run reads any number of rows
 */
record SeriesSource(String name, String format, String path, String location, String time, String value, String id,
                    String frequency, Double fillConstant, boolean fillPrevious, String support, SourceShape shape,
                    int declStart, int declEnd, int declLine, int declColumn, int pathStart, int pathEnd,
                    Long maxRows) implements Serializable {

    boolean csv() {
        return format.equals("csv");
    }

    Span declaration() {
        return new Span(declStart, declEnd, declLine, declColumn);
    }

    /** The same source with the support the driver found for the whole panel. */
    SeriesSource withSupport(String keyword) {
        return new SeriesSource(name, format, path, location, time, value, id, frequency, fillConstant, fillPrevious,
                keyword, shape, declStart, declEnd, declLine, declColumn, pathStart, pathEnd, maxRows);
    }

    /** The same source with the forecast origin the driver found for the whole panel. */
    SeriesSource withOrigin(String asOf) {
        SourceShape s = new SourceShape(shape.keys(), shape.delimiter(), shape.dateFormat(), shape.decimalComma(),
                shape.missing(), asOf);
        return new SeriesSource(name, format, path, location, time, value, id, frequency, fillConstant, fillPrevious,
                support, s, declStart, declEnd, declLine, declColumn, pathStart, pathEnd, maxRows);
    }

    /** The options one partition assembles its series with: those of the declaration. */
    CsvOptions options() {
        Frequency f = frequency == null ? null : Frequency.fromKeyword(frequency).orElseThrow();
        Fill fill = fillConstant != null ? new Fill.Constant(fillConstant) : fillPrevious ? new Fill.Previous() : null;
        Support s = support == null ? null : support.equals("real") ? Support.REAL : Support.NONNEGATIVE;
        return new CsvOptions(time, value, shape.keys().isEmpty() ? id : null, f, fill, s, null, null,
                maxRows == null ? CsvOptions.DEFAULT_MAX_ROWS : maxRows, shape.dataShape());
    }

    /** The columns that name a series: the keys, or the one id column. */
    java.util.List<String> idColumns() {
        return shape.keys().isEmpty() ? java.util.List.of(id) : shape.keys();
    }
}
