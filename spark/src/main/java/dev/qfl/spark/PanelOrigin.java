package dev.qfl.spark;

import dev.qfl.stdlib.QflException;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The panel's last time, for {@code missing: zero} without {@code as_of:}: one JVM extends every
 * series with zeros up to the last time any series has a value, and a partition sees only its own
 * series, so the driver finds that time once (the latest time of a row with a value, read by one
 * JVM's rules) and hands it to every partition as the origin. A cell that does not read is skipped
 * here; the partition that holds it reports it.
 */
final class PanelOrigin implements FlatMapFunction<Iterator<Row>, LocalDateTime> {
    private static final long serialVersionUID = 1L;

    private final SeriesSource source;
    private final CsvFields fields;

    PanelOrigin(SeriesSource source, CsvFields fields) {
        this.source = source;
        this.fields = fields;
    }

    @Override
    public Iterator<LocalDateTime> call(Iterator<Row> rows) {
        SparkCells cells = new SparkCells(source, fields);
        LocalDateTime last = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            try {
                int row = (int) r.getLong(3);
                double value = cells.value(r.isNullAt(2) ? "" : r.getString(2), row);
                LocalDateTime time = cells.time(r.isNullAt(1) ? "" : r.getString(1), row);
                if (!Double.isNaN(value) && (last == null || time.isAfter(last))) {
                    last = time;
                }
            } catch (QflException e) {
                // reported by the partition that holds the row, at its line
            }
        }
        return last == null ? List.<LocalDateTime>of().iterator() : List.of(last).iterator();
    }
}
