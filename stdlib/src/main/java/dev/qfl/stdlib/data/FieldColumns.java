package dev.qfl.stdlib.data;

/**
 * Where a field of a delimited line starts, for the column of a diagnostic's caret. Shared by the
 * CSV reader and the Spark runner, which gets back a field index and must point where one JVM
 * points.
 */
public final class FieldColumns {
    private FieldColumns() {
    }

    /**
     * The 1-based column where field {@code index} (0-based) starts, fields separated by
     * {@code delimiter} outside double quotes; just past the end for the field after the last.
     */
    public static int column(String line, int index, char delimiter) {
        int field = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            if (field == index) {
                return i + 1;
            }
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                field++;
            }
        }
        return field == index ? line.length() + 1 : 1;
    }
}
