package dev.qfl.check;

import java.math.BigDecimal;
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
        BigDecimal n = high.subtract(low).divideToIntegralValue(step);
        return n.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0 ? -1 : n.longValueExact() + 1;
    }

    public List<BigDecimal> values() {
        long n = count();
        if (n < 0) {
            throw new IllegalStateException("range too long");
        }
        List<BigDecimal> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            out.add(low.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return out;
    }

    public boolean contains(BigDecimal v) {
        if (v.compareTo(low) < 0 || v.compareTo(high) > 0) {
            return false;
        }
        return v.subtract(low).remainder(step).signum() == 0;
    }
}
