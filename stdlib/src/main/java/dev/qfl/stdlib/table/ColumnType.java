package dev.qfl.stdlib.table;

/** Value type of a result column. Dates are {@link java.time.LocalDate} or {@link java.time.LocalDateTime}. */
public enum ColumnType {
    STRING,
    DATE,
    INTEGER,
    NUMBER
}
