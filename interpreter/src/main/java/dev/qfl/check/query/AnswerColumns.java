package dev.qfl.check.query;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import java.util.ArrayList;
import java.util.List;

/** The column lists answers start with: per series and step, or per series and total. */
final class AnswerColumns {
    private AnswerColumns() {
    }

    static Column number(String name) {
        return new Column(name, ColumnType.NUMBER);
    }

    static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER);
    }

    static Column id() {
        return new Column("id", ColumnType.STRING);
    }

    /** {@code id, date, horizon} and then {@code rest}. */
    static List<Column> perStep(Column... rest) {
        return startingWith(List.of(id(), new Column("date", ColumnType.DATE), integer("horizon")), rest);
    }

    /** {@code id, date_from, date_to} and then {@code rest}. */
    static List<Column> perTotal(Column... rest) {
        return startingWith(List.of(id(), new Column("date_from", ColumnType.DATE), new Column("date_to", ColumnType.DATE)),
                rest);
    }

    private static List<Column> startingWith(List<Column> first, Column... rest) {
        List<Column> out = new ArrayList<>(first);
        out.addAll(List.of(rest));
        return List.copyOf(out);
    }
}
