package dev.qfl.spark;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.DataNumbers;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.PanelRows;
import dev.qfl.stdlib.data.RowPositions;
import dev.qfl.stdlib.data.TimeParsing;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Rows read by Spark ({@code id, time, value, row}, sorted by row) made into a panel exactly as one
 * JVM assembles a file: the same cell rules, the same {@link PanelRows}, positions by line and
 * field. Used by every partition, and by the driver for a neural model's training sample.
 */
final class PartitionPanel {
    private PartitionPanel() {
    }

    /** The partition's rows as a panel, read with the declaration's options and one JVM's rules. */
    static LoadedPanel build(SeriesSource source, int timeField, int valueField, Iterator<Row> rows,
                             Map<String, Long> firstRows) {
        Path path = Path.of(source.location());
        PanelRows panel = new PanelRows(positions(path, timeField));
        long count = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            String id = r.isNullAt(0) ? "" : r.getString(0).strip();
            String timeText = r.isNullAt(1) ? "" : r.getString(1);
            String valueText = r.isNullAt(2) ? "" : r.getString(2);
            int row = (int) r.getLong(3);
            firstRows.putIfAbsent(id, (long) row);
            LocalDateTime time = TimeParsing.parse(timeText).orElseThrow(() -> new QflException(DataErrors.BAD_TIME,
                    "cannot parse \"" + timeText + "\" as a date or time in column \"" + source.time() + "\"",
                    at(path, row, timeField), "times are ISO dates or date-times, e.g. 2024-01-31 or 2024-01-31T08:00",
                    null));
            double value = DataNumbers.parse(valueText);
            if (Double.isNaN(value) && !DataNumbers.isMissing(valueText)) {
                throw new QflException(DataErrors.NOT_A_NUMBER, "cannot parse \"" + valueText
                        + "\" as a number in column \"" + source.value() + "\"", at(path, row, valueField),
                        DataNumbers.hint(valueText), null);
            }
            panel.add(id, time, value, row, Math.max(0, timeField - 1));
            count++;
        }
        return panel.finish(source.name(), source.options(), "spark:" + source.location(),
                source.format() + " file " + source.path() + " (read by Spark)", path, count);
    }

    private static FilePosition at(Path path, int row, int field) {
        return field > 0 ? new FilePosition(path, row, field, null) : null;
    }

    private static RowPositions positions(Path path, int timeField) {
        if (timeField == 0) {
            return RowPositions.none();
        }
        return new RowPositions() {
            @Override
            public FilePosition whole() {
                return FilePosition.wholeFile(path);
            }

            @Override
            public FilePosition at(int row, int column) {
                return new FilePosition(path, row, column + 1, null);
            }
        };
    }
}
