package dev.qfl.stdlib.data;

/** Where a series' values can lie; non-negative series get quantile functions floored at zero. */
public enum Support {
    REAL,
    NONNEGATIVE;

    public String keyword() {
        return this == REAL ? "real" : "nonnegative";
    }
}
