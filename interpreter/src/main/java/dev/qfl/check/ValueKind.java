package dev.qfl.check;

/** What kind of value an expression denotes, as far as the checker can tell before running. */
public enum ValueKind {
    SERIES("a series"),
    MODEL("a model"),
    TABLE("a table"),
    NUMBER("a number"),
    STRING("a string"),
    BOOLEAN("true or false"),
    DURATION("a duration"),
    LIST("a list"),
    RANGE("a range"),
    /** Already reported; suppresses follow-on errors. */
    ERROR("an invalid value");

    private final String description;

    ValueKind(String description) {
        this.description = description;
    }

    /** For messages: "expected a series, found a number". */
    public String description() {
        return description;
    }
}
