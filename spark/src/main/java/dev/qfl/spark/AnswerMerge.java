package dev.qfl.spark;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Puts one statement's answers from every partition back into the table one JVM would have made.
 * One JVM lists series in the order they first appear in the data, and a series' rows in its own
 * order; a series lives in exactly one partition, so a stable sort of the partitions' rows by the
 * first data row of their series restores that order exactly.
 */
final class AnswerMerge {
    private AnswerMerge() {
    }

    /** A merged answer: its label and table. */
    record Merged(String label, Table table) {
    }

    /**
     * @param parts     the statement's answer in each partition that had series (any order)
     * @param firstRows every series' first data row, over all partitions
     * @return the merged answer, or null when no partition answered (no series at all)
     * @throws IllegalStateException when an answer has no id column (QF5044 for the caller)
     */
    static Merged merge(List<PartitionOutcome.Answer> parts, Map<String, Long> firstRows) {
        if (parts.isEmpty()) {
            return null;
        }
        PartitionOutcome.Answer first = parts.get(0);
        int idColumn = first.columnNames().indexOf("id");
        if (idColumn < 0) {
            throw new IllegalStateException("no id column in " + first.columnNames());
        }
        List<Object[]> all = new ArrayList<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        Map<String, Object> provenance = new LinkedHashMap<>();
        for (PartitionOutcome.Answer part : parts) {
            all.addAll(part.rows());
            notes.addAll(part.notes());
            part.provenance().forEach((key, value) -> provenance.merge(key, value, AnswerMerge::union));
        }
        provenance.replaceAll((key, value) -> value instanceof Map<?, ?> m ? inPanelOrder(m, firstRows) : value);
        all.sort(Comparator.comparingLong(r -> firstRows.getOrDefault(String.valueOf(r[idColumn]), Long.MAX_VALUE)));
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < first.columnNames().size(); i++) {
            columns.add(new Column(first.columnNames().get(i), ColumnType.valueOf(first.columnTypes().get(i))));
        }
        List<Table.Row> rows = new ArrayList<>(all.size());
        for (Object[] cells : all) {
            rows.add(new Table.Row(cells));
        }
        return new Merged(first.label(), new Table(columns, rows, List.copyOf(notes), provenance));
    }

    /**
     * Two partitions' values of one provenance entry: a map per series (each series' forecast
     * origin) is joined, since each partition knows only its own series; anything else is the
     * same in every partition and kept once.
     */
    private static Object union(Object mine, Object theirs) {
        if (mine instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
            Map<Object, Object> all = new LinkedHashMap<>(a);
            b.forEach(all::putIfAbsent);
            return all;
        }
        return mine;
    }

    /** A per-series map in the one-JVM order of its series (keys that are no series stay last). */
    private static Map<Object, Object> inPanelOrder(Map<?, ?> bySeries, Map<String, Long> firstRows) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(bySeries.entrySet());
        entries.sort(Comparator.comparingLong(e -> firstRows.getOrDefault(String.valueOf(e.getKey()), Long.MAX_VALUE)));
        Map<Object, Object> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
