package dev.qfl.stdlib;

import java.nio.file.Path;

/**
 * A 1-based line and column in a file other than the script (a CSV file, a saved model).
 *
 * @param file   the file
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column (for CSV: the field number), or 0 when unknown
 * @param text   the offending line as it appears in the file, or null
 */
public record FilePosition(Path file, int line, int column, String text) {
    public static FilePosition wholeFile(Path file) {
        return new FilePosition(file, 0, 0, null);
    }
}
