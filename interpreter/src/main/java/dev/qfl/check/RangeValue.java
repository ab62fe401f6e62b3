package dev.qfl.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive range {@code low..high step s}, counted in decimal arithmetic so that
 * {@code 0.01..0.99 step 0.01} is exactly the 99 levels 0.01, 0.02, ..., 0.99 (repeated float
 * addition would drift and drop or add an end point).
 *
 * @param low  first value
 * @param high last value (included when it is on the grid)
 * @param step positive increment
 */
public record RangeValue(BigDecimal low, BigDecimal high, BigDecimal step) {

    /** Ranges longer than this are refused: they are almost always a missing or mistyped step. */
    public static final int MAX_VALUES = 100_000;

    /** Number of values, or -1 when over {@link #MAX_VALUES}. */
    public long count() {
        if (high.compareTo(low) < 0) {
            return 0;
        }
        BigDecimal span = high.subtract(low, MathContext.DECIMAL128);
        if (span.signum() > 0 && magnitude(span) - magnitude(step) > 7) {
            return -1; // e.g. step 1e-999999999: far too many values, known without dividing
        }
        BigDecimal n = span.divideToIntegralValue(step);
        return n.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0 ? -1 : n.longValueExact() + 1;
    }

    /** The decimal order of magnitude of a non-zero number (digits before the point, negative below 0.1). */
    private static long magnitude(BigDecimal v) {
        return (long) v.precision() - v.scale();
    }

    public List<BigDecimal> values() {
        long n = count();
        if (n < 0) {
            throw new IllegalStateException("range too long");
        }
        List<BigDecimal> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            out.add(low.add(step.multiply(BigDecimal.valueOf(i)), MathContext.DECIMAL128));
        }
        return out;
    }

    public boolean contains(BigDecimal v) {
        if (v.compareTo(low) < 0 || v.compareTo(high) > 0) {
            return false;
        }
        BigDecimal offset = v.subtract(low, MathContext.DECIMAL128);
        return offset.signum() == 0 || magnitude(offset) - magnitude(step) <= 34 && offset.remainder(step).signum() == 0;
    }
}
