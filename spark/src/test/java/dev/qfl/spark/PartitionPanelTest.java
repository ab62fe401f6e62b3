package dev.qfl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.qfl.stdlib.data.LoadedPanel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** A partition's panel, without Spark: what names its data. */
class PartitionPanelTest {
    private static final SeriesSource SOURCE = new SeriesSource("demand", "csv", "demand.csv",
            Path.of("demand.csv").toAbsolutePath().toString(), "date", "units", "sku", "day", null, false,
            "nonnegative", SourceShape.DEFAULT, 0, 0, 1, 1, 0, 0, null);

    private static LoadedPanel panel(String id, String... values) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int d = 0; d < values.length; d++) {
            rows.add(RowFactory.create(id, "2024-01-0" + (d + 1), values[d], (long) d + 2));
        }
        return PartitionPanel.build(SOURCE, new CsvFields(1, 3, List.of()), rows.iterator(), new HashMap<>());
    }

    @Test
    void partitionsOfOneFileHaveTheFingerprintsOfTheirOwnRows() {
        // a cached fit (auto, neural) is found by the fingerprint: two partitions of one file must
        // never find each other's
        String a = panel("A", "1", "2", "3").panel().fingerprint();
        assertNotEquals(a, panel("B", "1", "2", "3").panel().fingerprint());
        assertNotEquals(a, panel("A", "1", "2", "4").panel().fingerprint());
        assertEquals(a, panel("A", "1", "2", "3").panel().fingerprint());
    }
}
