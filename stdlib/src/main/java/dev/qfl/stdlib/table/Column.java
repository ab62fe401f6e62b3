package dev.qfl.stdlib.table;

/** A named, typed result column. */
public record Column(String name, ColumnType type) {
}
