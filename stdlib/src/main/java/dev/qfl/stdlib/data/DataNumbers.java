package dev.qfl.stdlib.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The numbers a data file may hold: plain decimals (an optional sign, digits with an optional
 * point, an optional exponent), nothing else. Java's own parser also takes {@code 12f},
 * {@code 12d}, hexadecimal {@code 0x1p4}, {@code Infinity} and surrounding spaces, none of which
 * a data file means as a number. Empty cells and {@code NA}, {@code NaN}, {@code null} (any case)
 * are missing values. Public because a reader outside this package (the Spark runner) must apply
 * exactly the same rules.
 */
public final class DataNumbers {
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Set<String> MISSING = Set.of("", "na", "nan", "null");

    private DataNumbers() {
    }

    public static boolean isMissing(String text) {
        return MISSING.contains(text.toLowerCase(Locale.ROOT));
    }

    /** The value of a plain decimal; NaN for a missing value or anything else (too large included). */
    public static double parse(String text) {
        if (!PLAIN.matcher(text).matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(text);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /**
     * The value of a plain decimal written with a decimal comma ({@code 12,5}) when
     * {@code decimalComma}; a dot is then no separator at all (neither decimal nor thousands), so
     * {@code 1.234,5} is not a number rather than a guess.
     */
    static double parse(String text, boolean decimalComma) {
        if (!decimalComma) {
            return parse(text);
        }
        return text.indexOf('.') >= 0 ? Double.NaN : parse(text.replace(',', '.'));
    }

    /** A hint for text that is not a number with a decimal comma. */
    static String hint(String text, boolean decimalComma) {
        if (!decimalComma) {
            return hint(text);
        }
        return text.indexOf('.') >= 0 ? "with decimal: \",\" numbers use a comma only (12,5), without thousands separators"
                : "numbers are plain decimals such as 12, -0,5 or 1,2e3";
    }

    /** A hint for text that is not a plain decimal, or null. */
    public static String hint(String text) {
        if (text.contains(",")) {
            return "use a dot as the decimal separator";
        }
        if (!text.equals(text.strip())) {
            return "a quoted number must not contain spaces";
        }
        return "numbers are plain decimals such as 12, -0.5 or 1.2e3";
    }
}
