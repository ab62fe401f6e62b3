package dev.qfl.check;

import java.math.BigDecimal;

/**
 * The rule every probability level obeys (query levels, option levels, {@code coverage(p)}): it
 * lies strictly inside (0, 1) as written <em>and</em> as the double the models compute with.
 * Decimal constants are exact, so {@code 0.99999999999999999999} or {@code 1 - 1e-17} pass a
 * decimal comparison, yet become 1.0 once converted, and {@code 1e-400} becomes 0.0; a quantile
 * function asked at 0 or 1 answers an infinite tail or fails, so those are refused here.
 */
public final class LevelRule {
    /** Longest plain rendering of a number in a message before switching to scientific notation. */
    private static final int PLAIN_DIGITS = 24;

    private LevelRule() {
    }

    /** Whether {@code d} is a usable level. */
    static boolean valid(BigDecimal d) {
        return outside(d) == null && rounding(d) == null;
    }

    /** "outside (0, 1)" when the decimal value itself is not a probability, else null. */
    static String outside(BigDecimal d) {
        return d.signum() <= 0 || d.compareTo(BigDecimal.ONE) >= 0 ? "is outside (0, 1)" : null;
    }

    /** Why an in-range decimal is not usable as a double, or null when it is. */
    static String rounding(BigDecimal d) {
        double x = d.doubleValue();
        if (x > 0 && x < 1) {
            return null;
        }
        return "is too close to " + (x <= 0 ? "0" : "1") + ": as a double it is " + (x <= 0 ? "0" : "1")
                + ", outside (0, 1)";
    }

    /** The hint for a level that rounds to 0 or 1. */
    static String roundingHint(BigDecimal d) {
        return d.doubleValue() <= 0 ? "the smallest usable level is about 4.9e-324; e.g. 0.0001"
                : "levels closer to 1 than about 1e-16 cannot be told apart from 1; e.g. 0.9999";
    }

    /** A number for a message: as written ({@code 1.0} stays {@code 1.0}) unless very long, then in scientific notation. */
    public static String show(BigDecimal d) {
        // the plain form of 1e-999999999 is a gigabyte of zeros: decide from scale and precision first
        long integerDigits = (long) d.precision() - d.scale();
        if (d.scale() <= PLAIN_DIGITS && integerDigits <= PLAIN_DIGITS) {
            String plain = d.toPlainString();
            if (plain.length() <= PLAIN_DIGITS) {
                return plain;
            }
        }
        return d.stripTrailingZeros().toString().replace('E', 'e');
    }
}
