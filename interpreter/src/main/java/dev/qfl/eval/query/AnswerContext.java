package dev.qfl.eval.query;

import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What every kind's rows are made from: the model's forecast, the answer's columns (with a
 * multi-key series' key columns), the compiled {@code where} condition over those columns, and the
 * provenance the table carries.
 *
 * @param keys the number of key columns after {@code id} (0 unless the series has several keys)
 */
public record AnswerContext(ForecastSet forecast, List<Column> columns, Predicate<Object[]> keep, int keys,
                            Map<String, Object> provenance) {
    public AnswerContext {
        columns = List.copyOf(columns);
    }

    /** The answer table of these rows, with the notes that explain them. */
    Table table(List<Table.Row> rows, List<String> notes) {
        return new Table(columns, rows, notes, provenance);
    }

    /** Adds the row when the condition keeps it. */
    void addKept(List<Table.Row> rows, Object[] row) {
        if (keep.test(row)) {
            rows.add(new Table.Row(row));
        }
    }
}
