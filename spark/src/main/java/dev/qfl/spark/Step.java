package dev.qfl.spark;

import java.io.Serializable;

/**
 * One statement of a script run on Spark and where it runs.
 *
 * <p>Partitions run a statement as the script's text with everything outside that statement
 * blanked (newlines kept), so a diagnostic raised inside a partition carries the statement's own
 * line and column in the original file.
 *
 * @param index         the statement's index in the script
 * @param where         what the driver does with the statement's answers
 * @param partitionText the text partitions run, or null when they run nothing (the series declaration)
 * @param exportPath    for {@link Where#EXPORT}, the path as written
 * @param append        {@code append: true}
 * @param overwrite     {@code overwrite: true}
 * @param line          the statement's line (for diagnostics raised on the driver)
 * @param model         for {@link Where#TRAIN}, the model's name
 */
record Step(int index, Where where, String partitionText, String exportPath, boolean append, boolean overwrite,
            int start, int end, int line, int column, String model) implements Serializable {

    /** What happens to a statement's answers. */
    enum Where {
        /** Read by Spark on the driver's orders: the series declaration. */
        SOURCE,
        /** Runs in every partition, answers nothing (model, fit, let). */
        PARTITIONS,
        /**
         * A global neural model: trained once on the driver from a sample of series, shipped to
         * the executors as a saved model file, which every partition loads in its place.
         */
        TRAIN,
        /** Runs in every partition; the driver merges the tables and prints them. */
        SHOW,
        /** Runs in every partition; the driver merges the tables and exports them. */
        EXPORT
    }

    dev.qfl.diag.Span span() {
        return new dev.qfl.diag.Span(start, end, line, column);
    }

    /**
     * The script's text blanked, with {@code replacement} written where the statement starts, so
     * what a partition runs in a statement's place reports that statement's line and column.
     */
    static String replaced(String text, int at, String replacement) {
        return only(text, 0, 0).substring(0, at) + replacement;
    }

    /** The script's text with everything outside {@code [from, to)} blanked; newlines are kept. */
    static String only(String text, int from, int to) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(i >= from && i < to || c == '\n' || c == '\r' ? c : ' ');
        }
        return b.toString();
    }
}
