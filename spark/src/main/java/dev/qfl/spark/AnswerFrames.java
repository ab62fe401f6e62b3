package dev.qfl.spark;

import dev.qfl.stdlib.table.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The answers of a Spark run as DataFrames that were never collected on the driver: each is a
 * view of the partitions' answer rows, which stay cached on the executors until {@link #close()}.
 * A frame has the columns and types of {@link SparkAnswers#toDataFrame} and the one-JVM row order.
 * <pre>{@code
 * try (AnswerFrames answers = new SparkRun(spark, 0).answers("plan.qfl", source, folder, out -> { })) {
 *     answers.frame("quantile(demand, 0.9) using naive").orElseThrow().write().saveAsTable("plan");
 * }
 * }</pre>
 */
public final class AnswerFrames implements AutoCloseable {
    /** Columns that carry the one-JVM order through Spark's sort; never part of an answer. */
    static final String FIRST_ROW = "_qfl_first_row";
    static final String POSITION = "_qfl_position";

    /**
     * One statement's answer.
     *
     * @param line  the statement's line in the script
     * @param label the answer's label, as one JVM prints it above the table
     * @param rows  the answer's rows
     */
    public record Frame(int line, String label, Dataset<Row> rows) {
    }

    private final List<Frame> frames;
    private final Runnable release;

    /** @param release frees what the frames read: the cached answer rows, a query's rows */
    AnswerFrames(List<Frame> frames, Runnable release) {
        this.frames = List.copyOf(frames);
        this.release = release;
    }

    /** Every answer, in statement order. */
    public List<Frame> frames() {
        return frames;
    }

    /** The first answer with this label. */
    public Optional<Dataset<Row>> frame(String label) {
        return frames.stream().filter(f -> f.label().equals(label)).map(Frame::rows).findFirst();
    }

    /** Releases the answer rows cached on the executors; the frames cannot be used afterwards. */
    @Override
    public void close() {
        release.run();
    }

    /** A statement's answer as partitions described it: its label, columns, types and size. */
    record Shape(String label, List<String> names, List<ColumnType> types, boolean[] timestamps, long rows) {
        /** The schema of {@link SparkAnswers#toDataFrame}, or for a file date-times without a time zone. */
        StructType schema(boolean localTimes) {
            StructType schema = new StructType();
            for (int c = 0; c < names.size(); c++) {
                schema = schema.add(names.get(c), type(c, localTimes), true);
            }
            return schema;
        }

        private DataType type(int c, boolean localTimes) {
            return switch (types.get(c)) {
                case STRING -> DataTypes.StringType;
                case INTEGER -> DataTypes.IntegerType;
                case NUMBER -> DataTypes.DoubleType;
                case DATE -> !timestamps[c] ? DataTypes.DateType
                        : localTimes ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
            };
        }

        /**
         * The shape of a statement's answer over all partitions, or empty when none answered (no
         * series). A date column is a timestamp if any partition saw a date-time in it.
         */
        static Optional<Shape> of(List<PartitionOutcome.Answer> parts) {
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            PartitionOutcome.Answer first = parts.get(0);
            boolean[] timestamps = new boolean[first.columnNames().size()];
            long rows = 0;
            for (PartitionOutcome.Answer part : parts) {
                part.timestampColumns().forEach(c -> timestamps[c] = true);
                rows += part.rowCount();
            }
            return Optional.of(new Shape(first.label(), first.columnNames(),
                    first.columnTypes().stream().map(ColumnType::valueOf).toList(), timestamps, rows));
        }
    }

    /**
     * A statement's rows with their sort key ({@link #FIRST_ROW}, {@link #POSITION} first), in the
     * one-JVM order: Spark splits them into {@code partitions} ranges of the key and sorts each, so
     * partition {@code i} holds the {@code i}-th range and files written from it are in order by
     * their part number.
     *
     * @param localTimes date-times as Spark's timestamps without a time zone (for files, which
     *                   hold the wall-clock time one JVM writes), else as {@link SparkAnswers} types them
     */
    static Dataset<Row> sortedWithKey(SparkSession spark, JavaRDD<PartitionItem> items, int step, Shape shape,
                                      int partitions, boolean localTimes) {
        StructType schema = new StructType().add(FIRST_ROW, DataTypes.LongType, false)
                .add(POSITION, DataTypes.IntegerType, false);
        for (var field : shape.schema(localTimes).fields()) {
            schema = schema.add(field);
        }
        boolean[] timestamps = shape.timestamps();
        JavaRDD<Row> rows = rows(items, step).map(a -> {
            Object[] cells = new Object[a.cells().length + 2];
            cells[0] = a.firstRow();
            cells[1] = a.position();
            for (int c = 0; c < a.cells().length; c++) {
                cells[c + 2] = sparkCell(a.cells()[c], timestamps[c], localTimes);
            }
            return RowFactory.create(cells);
        });
        return sorted(spark.createDataFrame(rows, schema), partitions);
    }

    /** Rows in the order of their key, in {@code partitions} ranges (a part file each when written). */
    static Dataset<Row> sorted(Dataset<Row> keyed, int partitions) {
        return keyed.repartitionByRange(partitions, functions.col(FIRST_ROW), functions.col(POSITION))
                .sortWithinPartitions(FIRST_ROW, POSITION);
    }

    /** A statement's answer rows as the partitions made them (any order). */
    static JavaRDD<AnswerRow> rows(JavaRDD<PartitionItem> items, int step) {
        return items.filter(i -> i instanceof AnswerRow a && a.step() == step).map(i -> (AnswerRow) i);
    }

    /**
     * Spark's rows take java.sql dates and timestamps (its Java 8 time API is off by default), and
     * LocalDateTime for a timestamp without a time zone.
     */
    static Object sparkCell(Object value, boolean timestamp, boolean localTimes) {
        if (value instanceof LocalDate d) {
            return !timestamp ? java.sql.Date.valueOf(d)
                    : localTimes ? d.atStartOfDay() : java.sql.Timestamp.valueOf(d.atStartOfDay());
        }
        if (value instanceof LocalDateTime t) {
            return localTimes ? t : java.sql.Timestamp.valueOf(t);
        }
        return value;
    }
}
