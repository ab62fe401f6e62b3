package dev.qfl.spark;

import java.util.Locale;

/**
 * {@code qfl explain --spark}: where each statement of a checked script runs. Nothing is read and
 * Spark is not started.
 */
final class SparkExplain {
    private SparkExplain() {
    }

    static String describe(SparkScript script) {
        StringBuilder b = new StringBuilder();
        SeriesSource s = script.source();
        b.append("plan on Spark for ").append(script.name()).append('\n');
        for (Step step : script.steps()) {
            String text = script.text().substring(step.start(), step.end()).strip().replaceAll("\\s+", " ");
            if (text.length() > 72) {
                text = text.substring(0, 69) + "...";
            }
            b.append(String.format(Locale.ROOT, "%4d  %-18s %s%n", step.line(), where(step), text));
            switch (step.where()) {
                case SOURCE -> {
                    b.append(s.format().equals("sql")
                            ? "      the driver runs the query once in DuckDB into a Parquet file, which Spark reads"
                            : "      Spark reads " + s.format() + ' ' + s.path())
                            .append(" on the executors; rows are repartitioned by ").append(String.join(", ", s.idColumns()))
                            .append(", so every series is whole in one partition; the driver decides the panel's support");
                    if ("zero".equals(s.shape().missing()) && s.shape().asOf() == null) {
                        b.append(" and, for missing: zero, its last time (every series' origin)");
                    }
                    b.append('\n');
                }
                case SHOW -> b.append("      each partition answers for its series; the driver merges the rows "
                        + "in the one-JVM order and prints them\n");
                case EXPORT -> b.append(PartitionExport.writtenByPartitions(step)
                        ? "      each partition answers for its series and keeps the rows; the executors sort them "
                        + "into the one-JVM order and write them as part files; the driver streams the parts into "
                        : "      each partition answers for its series; the driver merges the rows and "
                        + (step.append() ? "appends them to " : "writes ")).append(step.exportPath()).append('\n');
                case TRAIN -> b.append("      trained once on the driver from a hash sample of whole series (all of them up to ")
                        .append(String.format(Locale.ROOT, "%,d", SparkRun.DEFAULT_TRAIN_SERIES))
                        .append("), saved and shipped to the executors; every partition loads that file\n");
                case PARTITIONS -> { }
            }
        }
        return b.toString();
    }

    private static String where(Step step) {
        return switch (step.where()) {
            case SOURCE -> "driver+Spark";
            case PARTITIONS -> "per partition";
            case TRAIN -> "driver, then files";
            case SHOW -> "partitions→driver";
            case EXPORT -> PartitionExport.writtenByPartitions(step) ? "partitions→file" : "partitions→driver";
        };
    }
}
