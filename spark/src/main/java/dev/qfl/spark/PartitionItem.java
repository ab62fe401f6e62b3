package dev.qfl.spark;

import java.io.Serializable;

/**
 * What the partition job yields: one {@link PartitionOutcome} per partition (small: diagnostics,
 * warnings, where its series start, the answers the driver prints), and one {@link AnswerRow} per
 * row of the answers that stay in Spark (exports written from the partitions, answers a host takes
 * as DataFrames). The driver collects only the outcomes, so those answers never pass through it.
 */
sealed interface PartitionItem extends Serializable permits PartitionOutcome, AnswerRow {
}
