package dev.qfl.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one partition sends back to the driver: its answers, its runtime warnings, where its series
 * first appear in the data (to restore the one-JVM order), and the error that stopped it, if any.
 *
 * @param partition  the partition's index (the first failing partition's error is reported)
 * @param firstRows  each series of the partition and the first data row it appears on
 * @param answers    the answer tables, per statement
 * @param warnings   runtime warnings (series left out, empty selections)
 * @param failure    the diagnostics that stopped the partition, or empty
 * @param notes      the panel's notes (e.g. support detection), for the driver's summary
 */
record PartitionOutcome(int partition, Map<String, Long> firstRows, List<Answer> answers, List<Warning> warnings,
                        List<WireDiagnostic> failure, List<String> notes) implements PartitionItem {

    /**
     * One statement's answer table in one partition. Cells are String, LocalDate, LocalDateTime,
     * Integer or Double, all serializable, so doubles cross unchanged (bit-identical answers).
     *
     * @param rows            the rows, or empty when they stay in Spark as {@link AnswerRow}s
     * @param rowCount        how many rows the partition answered (also when they stay in Spark)
     * @param timestampColumns the date columns holding a date-time somewhere (else only days):
     *                        a DataFrame types such a column as a timestamp, the others as dates
     */
    record Answer(int step, String label, List<String> columnNames, List<String> columnTypes, List<Object[]> rows,
                  List<String> notes, Map<String, Object> provenance, long rowCount,
                  List<Integer> timestampColumns) implements Serializable {
    }

    /** A runtime warning raised while a partition ran statement {@code step}. */
    record Warning(int step, WireDiagnostic diagnostic) implements Serializable {
    }

    boolean failed() {
        return !failure.isEmpty();
    }
}
