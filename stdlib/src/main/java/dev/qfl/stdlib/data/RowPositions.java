package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;

/**
 * Where the rows of a data source are, so a problem found while assembling series points at its
 * place: a line and field of a CSV file, or nothing for the rows of a query (the diagnostic then
 * points at the script's declaration, and the message names the row).
 */
public interface RowPositions {
    /** Where a problem with the source as a whole is reported, or null for the declaration. */
    FilePosition whole();

    /**
     * Where field {@code column} (0-based) of row {@code row} is (a file's line number, or a
     * query's 1-based row number), or null for the declaration.
     */
    FilePosition at(int row, int column);

    /** Positions for sources that are not files: every problem is reported at the declaration. */
    static RowPositions none() {
        return new RowPositions() {
            @Override
            public FilePosition whole() {
                return null;
            }

            @Override
            public FilePosition at(int row, int column) {
                return null;
            }
        };
    }
}
