package dev.qfl.spark;

/**
 * One row of an answer that stays in Spark, with the key that puts it in the one-JVM order: one
 * JVM lists series in the order they first appear in the data and a series' rows in their own
 * order; a series is whole in one partition, so sorting by (its series' first data row, the row's
 * position in its partition's answer) restores exactly that order.
 *
 * @param step      the statement's index
 * @param firstRow  the first data row of the row's series
 * @param position  the row's position in its partition's answer to this statement
 * @param cells     the cells: String, Integer, Double, LocalDate or LocalDateTime (all serializable)
 */
record AnswerRow(int step, long firstRow, int position, Object[] cells) implements PartitionItem {
}
