package dev.qfl.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Where a series' cells sit in the lines of a CSV file, so a partition can point a diagnostic at
 * the field: 1-based field numbers of the time, value and key columns (all 0 for a file without
 * lines, such as Parquet).
 *
 * @param time  the time column's field
 * @param value the value column's field
 * @param keys  the fields of the id columns, in the order {@code id:} names them
 */
record CsvFields(int time, int value, List<Integer> keys) implements Serializable {
    static final CsvFields NONE = new CsvFields(0, 0, List.of());

    CsvFields {
        keys = List.copyOf(keys);
    }

    /** Whether cells have field positions (a CSV file). */
    boolean positioned() {
        return time > 0;
    }
}
