package dev.qfl.spark;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.PanelRows;
import dev.qfl.stdlib.data.RowPositions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
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
    static LoadedPanel build(SeriesSource source, CsvFields fields, Iterator<Row> rows, Map<String, Long> firstRows) {
        return build(source, fields, rows, firstRows, null);
    }

    /** The same, also handing each row's cells to {@code keyed} (when not null) for the partition's declaration. */
    static LoadedPanel build(SeriesSource source, CsvFields fields, Iterator<Row> rows, Map<String, Long> firstRows,
                             KeyedSource keyed) {
        Path path = Path.of(source.location());
        PanelRows panel = new PanelRows(positions(path, fields.time()));
        SparkCells cells = new SparkCells(source, fields);
        MessageDigest digest = sha256();
        long count = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            int row = (int) r.getLong(3);
            String rawId = r.isNullAt(0) ? "" : r.getString(0);
            String timeText = r.isNullAt(1) ? "" : r.getString(1);
            String valueText = r.isNullAt(2) ? "" : r.getString(2);
            String id = cells.seriesId(rawId, row);
            firstRows.putIfAbsent(id, (long) row);
            LocalDateTime time = cells.time(timeText, row);
            double value = cells.value(valueText, row);
            if (keyed != null) {
                keyed.row(rawId, timeText, valueText);
            }
            panel.add(id, time, value, row, Math.max(0, fields.time() - 1));
            digest.update((id + '\u0001' + time + '\u0001' + Double.doubleToLongBits(value) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            count++;
        }
        // The fingerprint names the data a model was fitted on (a cached auto or neural fit is
        // found by it), so it is a digest of this partition's own rows: partitions of one file
        // hold different series and must never share a fit.
        digest.update(source.options().canonical().getBytes(StandardCharsets.UTF_8));
        String fingerprint = "spark-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return panel.finish(source.name(), source.options(), fingerprint,
                source.format() + " file " + source.path() + " (read by Spark)", path, count);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
