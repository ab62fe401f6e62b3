package dev.qfl.spark;

import java.time.LocalDateTime;
import java.time.LocalTime;
import dev.qfl.api.QflScriptException;
import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.DataErrors;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What one JVM decides from the whole panel and a partition cannot see: whether the panel is
 * non-negative, and under {@code missing: zero} its last time. The driver decides each with one
 * small job over the rows before the partitions run, and writes the decision into the source
 * every partition reads, as if the script had said it.
 */
final class PanelDecisions {
    private PanelDecisions() {
    }

    /**
     * One JVM decides whether a panel is non-negative from all its values; partitions see only
     * some series, so the driver decides for the whole panel and tells every partition.
     */
    static SparkScript withSupport(SparkScript script, Dataset<Row> rows, List<String> notes) {
        SeriesSource source = script.source();
        if (source.support() != null) {
            return script;
        }
        // with decimal: "," the cells say -0,5 (a dot there is no number at all, as on one JVM)
        String value = source.shape().decimalComma() ? "if(instr(value, '.') > 0, null, replace(value, ',', '.'))"
                : "value";
        Row min = rows.agg(functions.min(functions.expr("try_cast(" + value + " as double)"))).first();
        boolean nonNegative = min.isNullAt(0) || min.getDouble(0) >= 0;
        if (nonNegative) {
            notes.add(source.name() + ": all values are >= 0, so it is treated as non-negative (support: real turns this off)");
        }
        return new SparkScript(script.name(), script.text(), script.folder(),
                source.withSupport(nonNegative ? "nonnegative" : "real"), script.steps(), script.warnings());
    }

    /**
     * Under {@code missing: zero} without {@code as_of:}, one JVM forecasts every series from the
     * panel's last time; the driver finds it ({@link PanelOrigin}) and gives it to every partition.
     */
    static SparkScript withOrigin(SparkScript script, Dataset<Row> rows, CsvFields fields) {
        SeriesSource source = script.source();
        if (!"zero".equals(source.shape().missing()) || source.shape().asOf() != null) {
            return script;
        }
        LocalDateTime last = rows.javaRDD().mapPartitions(new PanelOrigin(source, fields)).collect().stream()
                .max(Comparator.naturalOrder()).orElse(null);
        if (last == null) {
            return script;   // no value anywhere: the partitions report it
        }
        String asOf = last.toLocalTime().equals(LocalTime.MIDNIGHT) ? last.toLocalDate().toString()
                : last.toString();
        return new SparkScript(script.name(), script.text(), script.folder(), source.withOrigin(asOf),
                script.steps(), script.warnings());
    }

    /**
     * {@code max_rows:} as one JVM applies it: more rows than that is an error at the first row
     * past the limit. Without the option a Spark run reads any number of rows.
     */
    static void checkRows(SparkScript script, Dataset<Row> rows) throws QflScriptException {
        SeriesSource source = script.source();
        if (source.maxRows() == null || rows.count() <= source.maxRows()) {
            return;
        }
        QflException e = source.csv()
                ? new QflException(DataErrors.TOO_MANY_ROWS, String.format(Locale.ROOT, "the file has more than %,d rows",
                source.maxRows()), new FilePosition(Path.of(source.location()), (int) Math.min(Integer.MAX_VALUE,
                source.maxRows() + 2), 1, null), "raise the limit with max_rows:, or read a shorter file", null)
                : new QflException(DataErrors.TOO_MANY_ROWS, String.format(Locale.ROOT,
                "the query returned more than %,d rows (max_rows:)", source.maxRows()), null,
                "select fewer rows, or raise max_rows:", null);
        throw SparkSeriesReader.error(script, e);
    }
}
