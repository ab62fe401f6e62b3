package dev.qfl.spark;

import org.apache.spark.sql.SparkSession;

/** Starting Spark for a QFL run: quiet, no web UI, and on one machine bound to the loopback address. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session on {@code master} ({@code local[2]}, {@code spark://host:7077}, {@code yarn}, ...).
     * Under {@code spark-submit} the master is already set and {@code master} may be null.
     */
    public static SparkSession start(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            b.master(master);
            if (master.startsWith("local")) {
                // a sandbox or laptop whose host name does not resolve still runs locally
                b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
            }
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
