package dev.qfl.spark;

import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.Missing;
import java.io.Serializable;
import java.util.List;

/**
 * The layout options of a series source run on Spark, as plain values an executor can carry:
 * several {@code id:} columns, {@code delimiter:}, {@code date_format:}, {@code decimal:},
 * {@code missing:} and {@code as_of:}; {@link #dataShape()} gives them to the same panel
 * assembly one JVM uses.
 *
 * @param keys         the key columns when {@code id:} names several (empty otherwise)
 * @param delimiter    the field separator of a CSV file
 * @param dateFormat   the {@code date_format:} pattern, or null for the built-in time formats
 * @param decimalComma {@code decimal: ","}
 * @param missing      the {@code missing:} keyword ({@code unknown} or {@code zero})
 * @param asOf         the {@code as_of:} text, or null
 */
record SourceShape(List<String> keys, char delimiter, String dateFormat, boolean decimalComma, String missing,
                   String asOf) implements Serializable {

    /** Comma-separated, ISO times, decimal point, absent rows unknown: the shape without options. */
    static final SourceShape DEFAULT = new SourceShape(List.of(), ',', null, false, "unknown", null);

    SourceShape {
        keys = List.copyOf(keys);
    }

    /** The one-JVM shape (checked by the checker before the run, so it builds). */
    DataShape dataShape() {
        return new DataShape(keys, delimiter, dateFormat, decimalComma, Missing.fromKeyword(missing).orElseThrow(),
                asOf == null ? null : DataShape.parseAsOf(asOf).orElseThrow());
    }
}
