package dev.qfl.stdlib.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * An immutable result table: the answer of every query. Columns are stable per query kind
 * (quantile: {@code id, date, horizon, level, value}), so scripts and embedding code can rely on
 * them. Cells hold String, LocalDate/LocalDateTime, Integer or Double per the column type.
 *
 * @param columns    the columns
 * @param rows       the rows; each has one cell per column
 * @param notes      remarks about how the answer was computed (shown under the table)
 * @param provenance where the answer came from (script, model spec, data fingerprint, origins);
 *                   written beside the rows in JSON exports
 */
public record Table(List<Column> columns, List<Row> rows, List<String> notes, Map<String, Object> provenance) {

    public Table {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
        notes = List.copyOf(notes);
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        for (Row r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, table has " + columns.size() + " columns");
            }
        }
    }

    /** An immutable row of cells. */
    public static final class Row {
        private final Object[] cells;

        public Row(Object... cells) {
            this.cells = cells.clone();
        }

        public int size() {
            return cells.length;
        }

        public Object get(int column) {
            return cells[column];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(cells, r.cells);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cells);
        }

        @Override
        public String toString() {
            return Arrays.toString(cells);
        }
    }

    public int rowCount() {
        return rows.size();
    }

    public OptionalInt columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The cell at {@code row} in the named column. */
    public Object get(int row, String column) {
        return rows.get(row).get(columnIndex(column).orElseThrow(
                () -> new IllegalArgumentException("no column '" + column + "' in " + columnNames())));
    }

    /** The numeric cell at {@code row} in the named column. */
    public double getDouble(int row, String column) {
        return ((Number) Objects.requireNonNull(get(row, column), column)).doubleValue();
    }

    public Table filter(Predicate<Row> keep) {
        return new Table(columns, rows.stream().filter(keep).toList(), notes, provenance);
    }

    public Table withNotes(List<String> extra) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(extra);
        return new Table(columns, rows, all, provenance);
    }

    public Table withProvenance(Map<String, Object> extra) {
        Map<String, Object> all = new LinkedHashMap<>(provenance);
        all.putAll(extra);
        return new Table(columns, rows, notes, all);
    }
}
