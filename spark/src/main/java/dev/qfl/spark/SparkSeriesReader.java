package dev.qfl.spark;

import dev.qfl.api.QflScriptException;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.Diagnostics;
import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.DataErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads a script's series with Spark into rows {@code (id, time, value, row)}: every cell as text,
 * so each partition parses it with one JVM's rules and reports a bad cell with its position, and
 * {@code row} the cell's line in a CSV file (its header is line 1) or its 1-based row in Parquet.
 * With several {@code id:} columns, {@code id} holds their raw values joined by {@link #KEY_JOIN}
 * (a character no key holds): rows of a series share it, and the partition makes the series id
 * from the parts as one JVM does (stripped, joined by "/", a "/" inside a key refused at its cell).
 */
final class SparkSeriesReader {
    static final StructType ROWS = new StructType()
            .add("id", DataTypes.StringType)
            .add("time", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("row", DataTypes.LongType);

    /** Joins the raw key values of a row until a partition makes the series id from them. */
    static final String KEY_JOIN = "\u0001";

    private SparkSeriesReader() {
    }

    /**
     * The rows, where their cells sit in the lines of a CSV file, and the folder of a query's
     * rows, which the run removes when it no longer reads them (null for files).
     */
    record Read(Dataset<Row> rows, CsvFields fields, Path temporary) {
    }

    static Read read(SparkSession spark, SparkScript script) throws QflScriptException {
        SeriesSource source = script.source();
        Path local = Path.of(source.location());
        if (!source.format().equals("sql") && !source.location().contains("://") && !source.location().contains("*")
                && !Files.exists(local)) {
            throw error(script, new QflException(DataErrors.MISSING_FILE, "cannot read " + source.path() + ": no such file",
                    null, "check the path; relative paths are relative to the script's folder", null));
        }
        Path queried = null;
        if (source.format().equals("sql")) {
            try {
                queried = DriverQuery.toParquet(source);
            } catch (QflException e) {
                throw error(script, e);
            }
        }
        try {
            return read(spark, script, queried);
        } catch (QflScriptException | RuntimeException e) {
            DriverQuery.delete(queried == null ? null : queried.getParent());
            throw e;
        }
    }

    private static Read read(SparkSession spark, SparkScript script, Path queried) throws QflScriptException {
        SeriesSource source = script.source();
        Path local = Path.of(source.location());
        Dataset<Row> raw;
        try {
            raw = queried != null ? spark.read().parquet(queried.toString()) : source.csv()
                    ? spark.read().option("header", "true").option("inferSchema", "false")
                    .option("sep", String.valueOf(source.shape().delimiter()))
                    .option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true")
                    .csv(source.location())
                    : spark.read().parquet(source.location());
        } catch (RuntimeException e) {
            throw error(script, new QflException(SparkCodes.SPARK_READ, "Spark cannot read " + source.path() + ": "
                    + firstLine(e.getMessage()), null, "check the path and that it is a " + source.format() + " file", e));
        }
        List<String> columns = Arrays.asList(raw.columns());
        List<String> wantedColumns = new java.util.ArrayList<>(source.idColumns());
        wantedColumns.add(source.time());
        wantedColumns.add(source.value());
        for (String wanted : wantedColumns) {
            if (!columns.contains(wanted)) {
                FilePosition where = source.csv() ? new FilePosition(local, 1, 0, null) : null;
                throw error(script, new QflException(DataErrors.MISSING_COLUMN, "no column \"" + wanted + "\" in "
                        + source.path() + "; its columns are " + String.join(", ", columns), where,
                        "name one of the file's columns", null));
            }
        }
        Dataset<Row> cells = raw.select(id(raw, source), text(raw, source.time()), text(raw, source.value()));
        // Row numbers come from the order Spark reads the file in (its splits are in file order),
        // which zipWithIndex numbers across partitions with one small extra job.
        long offset = source.csv() ? 2 : 1;
        JavaRDD<Row> numbered = cells.javaRDD().zipWithIndex().map((Tuple2<Row, Long> t) ->
                RowFactory.create(t._1().get(0), t._1().get(1), t._1().get(2), t._2() + offset));
        CsvFields fields = !source.csv() ? CsvFields.NONE : new CsvFields(columns.indexOf(source.time()) + 1,
                columns.indexOf(source.value()) + 1, source.shape().keys().stream().map(k -> columns.indexOf(k) + 1)
                .toList());
        return new Read(spark.createDataFrame(numbered, ROWS), fields, queried == null ? null : queried.getParent());
    }

    /** The id column, or the raw key values joined by {@link #KEY_JOIN} (an empty key kept as empty). */
    private static Column id(Dataset<Row> raw, SeriesSource source) {
        if (source.shape().keys().isEmpty()) {
            return text(raw, source.id());
        }
        Column[] keys = source.shape().keys().stream()
                .map(k -> functions.coalesce(text(raw, k), functions.lit(""))).toArray(Column[]::new);
        return functions.concat_ws(KEY_JOIN, keys).as("id");
    }

    /** A column as text; timestamps in ISO form, which one JVM's time parsing reads. */
    private static Column text(Dataset<Row> raw, String name) {
        Column c = raw.col("`" + name + "`");
        String type = raw.schema().apply(name).dataType().typeName();
        if (type.startsWith("timestamp")) {
            return functions.date_format(c, "yyyy-MM-dd'T'HH:mm:ss").as(name);
        }
        return c.cast(DataTypes.StringType).as(name);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static QflScriptException error(SparkScript script, QflException e) {
        Diagnostic d = Diagnostics.fromLibrary(e, script.file(), script.source().declaration(), script.folderPath());
        return new QflScriptException(List.of(d), e);
    }
}
