package dev.qfl.stdlib.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a table as aligned text for a terminal: text left-aligned, numbers right-aligned, long
 * tables elided in the middle with the number of rows left out, and notes underneath.
 */
public final class TableFormatter {
    private final int headRows;
    private final int tailRows;

    /**
     * @param headRows rows shown from the top of a long table
     * @param tailRows rows shown from the bottom of a long table
     */
    public TableFormatter(int headRows, int tailRows) {
        this.headRows = headRows;
        this.tailRows = tailRows;
    }

    /** The default: 20 rows from the top, 5 from the bottom. */
    public static TableFormatter standard() {
        return new TableFormatter(20, 5);
    }

    public String render(Table table) {
        int n = table.rowCount();
        boolean elide = n > headRows + tailRows + 1;
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!elide || i < headRows || i >= n - tailRows) {
                shown.add(i);
            }
        }
        List<Column> cols = table.columns();
        int[] width = new int[cols.size()];
        String[][] cells = new String[shown.size()][cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            width[c] = cols.get(c).name().length();
        }
        for (int r = 0; r < shown.size(); r++) {
            Table.Row row = table.rows().get(shown.get(r));
            for (int c = 0; c < cols.size(); c++) {
                cells[r][c] = CellFormat.display(row.get(c));
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, cols, width, c -> cols.get(c).name());
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append(rule).append('\n');
        for (int r = 0; r < shown.size(); r++) {
            if (elide && r == headRows) {
                sb.append("… ").append(n - headRows - tailRows).append(" more rows …\n");
            }
            final int row = r;
            line(sb, cols, width, c -> cells[row][c]);
        }
        sb.append('(').append(n).append(n == 1 ? " row" : " rows").append(")\n");
        for (String note : table.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Column> cols, int[] width, java.util.function.IntFunction<String> text) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            String s = text.apply(c);
            boolean right = cols.get(c).type() == ColumnType.NUMBER || cols.get(c).type() == ColumnType.INTEGER;
            String pad = " ".repeat(width[c] - s.length());
            line.append(c == 0 ? "" : "  ").append(right ? pad + s : s + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
