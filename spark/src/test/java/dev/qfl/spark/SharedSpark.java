package dev.qfl.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One Spark {@code local[2]} session for every Spark test class of a test run: starting one takes
 * seconds, so the classes share it; Spark stops it when the test JVM exits.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    /** The session, started again when a test stopped it (the command line stops Spark when it ends). */
    static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.start("local[2]", "qfl tests");   // Spark stops it itself at exit
        }
        return session;
    }
}
