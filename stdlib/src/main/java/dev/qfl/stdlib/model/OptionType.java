package dev.qfl.stdlib.model;

/** The kind of value a model option takes; the checker validates script values against it. */
public enum OptionType {
    /** A whole number. */
    INTEGER,
    /** Any real number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One word out of a fixed set, written bare: {@code encoder: lstm}. */
    SYMBOL,
    /** A duration such as {@code 10m}; held as a {@link java.time.Duration}. */
    DURATION,
    /** A list of levels in (0, 1), e.g. {@code [0.1, 0.5, 0.9]}. */
    LEVELS,
    /** A quoted string. */
    STRING,
    /** A list of words out of a fixed set, written bare: {@code candidates: [ets, arima]}. */
    NAMES,
    /** A list of whole numbers, each within the option's min and max: {@code order: [1, 1, 0]}. */
    INTEGERS
}
