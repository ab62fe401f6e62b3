package dev.qfl.spark;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The numbers a data cell may hold when Spark reads it: the same rules as the standard library's
 * CSV reader (plain decimals; empty, NA, NaN and null are missing), which keeps them package
 * private. A cell one JVM refuses is refused here with the same code and message.
 */
final class SparkCells {
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Set<String> MISSING = Set.of("", "na", "nan", "null");

    private SparkCells() {
    }

    static boolean isMissing(String text) {
        return text == null || MISSING.contains(text.toLowerCase(Locale.ROOT));
    }

    /** The value of a plain decimal; NaN for a missing value or anything else. */
    static double parse(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(text);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** A hint for text that is not a plain decimal. */
    static String hint(String text) {
        if (text.contains(",")) {
            return "use a dot as the decimal separator";
        }
        if (!text.equals(text.strip())) {
            return "a quoted number must not contain spaces";
        }
        return "numbers are plain decimals such as 12, -0.5 or 1.2e3";
    }
}
