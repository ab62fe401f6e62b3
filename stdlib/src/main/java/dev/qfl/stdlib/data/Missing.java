package dev.qfl.stdlib.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a grid point without a row means ({@code missing:}). A row that is there but whose value
 * cell is empty is always an unknown value, which {@code fill:} may fill.
 */
public enum Missing {
    /**
     * Nothing is known about it (the default): a gap inside a series is an error unless
     * {@code fill:} fills it, and a filled point is not learned from.
     */
    UNKNOWN,
    /**
     * It is an observed zero, as in sales exports that leave out the weeks without sales: models
     * learn from these zeros like from any other value.
     */
    ZERO;

    /** The word used in scripts: {@code unknown} or {@code zero}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Missing> fromKeyword(String word) {
        return Arrays.stream(values()).filter(m -> m.keyword().equals(word)).findFirst();
    }
}
