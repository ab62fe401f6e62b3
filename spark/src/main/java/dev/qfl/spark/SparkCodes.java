package dev.qfl.spark;

import dev.qfl.stdlib.diag.DiagnosticCode;

/**
 * Data codes of a Spark run (QF3170 to QF3179), raised like the standard library's data codes.
 * The script-level ones (QF5040 to QF5044) are in {@code DiagnosticCode}.
 */
final class SparkCodes {
    /** A series source Spark cannot read (not a CSV or Parquet file, an unreachable location). */
    static final DiagnosticCode SPARK_READ = DiagnosticCode.SPARK_READ;

    private SparkCodes() {
    }
}
