package dev.qfl.spark;

import dev.qfl.stdlib.table.CellFormat;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import dev.qfl.stdlib.table.TableExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An export written from the partitions, never held by the driver: the executors sort the
 * answer's rows into the one-JVM order and write them, as part files, into a hidden folder next to
 * the target (through Spark's commit protocol, so a failed task leaves no part behind); the
 * driver then streams the parts, in order, into one file beside the target and renames it into
 * place. The result is the one file one JVM writes (a CSV file byte for byte; a Parquet file with
 * the same columns, types and rows), and a run that fails at any point leaves the old file as it
 * was. The driver's memory stays flat; its disk traffic grows with the answer, which is what an
 * export to one file costs anyway.
 */
final class PartitionExport {
    /** One JVM's CSV layout ({@link TableExporter#csv}): RFC 4180 quoting, "\n" after each record. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private PartitionExport() {
    }

    /** Whether the partitions write this export: a plain (not appending) CSV or Parquet export. */
    static boolean writtenByPartitions(Step step) {
        return step.where() == Step.Where.EXPORT && !step.append()
                && !step.exportPath().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static boolean parquet(Path target) {
        return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** Writes statement {@code step}'s answer to {@code target} (CSV unless it ends in .parquet, as one JVM). */
    static void write(SparkSession spark, JavaRDD<PartitionItem> items, int step, AnswerFrames.Shape shape,
                      Path target, int partitions) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        String hidden = "." + absolute.getFileName() + ".qfl-spark-" + UUID.randomUUID();
        Path parts = absolute.resolveSibling(hidden);
        Path combined = absolute.resolveSibling(hidden + ".tmp");
        try {
            if (parquet(absolute)) {
                AnswerFrames.sortedWithKey(spark, items, step, shape, partitions, true)
                        .drop(AnswerFrames.FIRST_ROW, AnswerFrames.POSITION).write().parquet(parts.toString());
                combineParquet(partFiles(parts, ".parquet"), shape, combined);
            } else {
                csvLines(spark, items, step, partitions).write().text(parts.toString());
                combineCsv(shape, partFiles(parts, ".txt"), combined);
            }
            Files.move(combined, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException e) {
            throw new IOException(firstLine(e.getMessage()), e);
        } finally {
            Files.deleteIfExists(combined);
            deleteFolder(parts);
        }
    }

    /**
     * The answer's rows as CSV records formatted on the executors exactly as one JVM formats them
     * (same cell text, same quoting), sorted into the one-JVM order.
     */
    private static Dataset<String> csvLines(SparkSession spark, JavaRDD<PartitionItem> items, int step,
                                            int partitions) {
        StructType schema = new StructType().add(AnswerFrames.FIRST_ROW, DataTypes.LongType, false)
                .add(AnswerFrames.POSITION, DataTypes.IntegerType, false).add("line", DataTypes.StringType, false);
        JavaRDD<Row> lines = AnswerFrames.rows(items, step)
                .map(a -> RowFactory.create(a.firstRow(), a.position(), record(a.cells())));
        return AnswerFrames.sorted(spark.createDataFrame(lines, schema), partitions).select("line")
                .as(Encoders.STRING());
    }

    /** One CSV record without its line break (Spark's text writer adds it). */
    static String record(Object[] cells) {
        Object[] text = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = CellFormat.exact(cells[i]);
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringBuilder does not fail
        }
        return out.substring(0, out.length() - 1);
    }

    /** The header and the parts, in order, as one file. */
    private static void combineCsv(AnswerFrames.Shape shape, List<Path> parts, Path combined) throws IOException {
        try (OutputStream out = Files.newOutputStream(combined)) {
            out.write((record(shape.names().toArray()) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
    }

    /**
     * The parts, in order, as one Parquet file written by DuckDB, which streams them; one JVM's
     * export is DuckDB's too, so with its column types (BIGINT integers, TIMESTAMP date-times) the
     * file is the same.
     */
    private static void combineParquet(List<Path> parts, AnswerFrames.Shape shape, Path combined) throws IOException {
        if (parts.isEmpty()) {
            Files.write(combined, dev.qfl.stdlib.data.sql.ParquetExport.bytes(emptyTable(shape)));
            return;
        }
        String files = parts.stream().map(p -> literal(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET preserve_insertion_order = true");
            s.execute("COPY (SELECT " + columns(shape) + " FROM read_parquet(" + files + ")) TO "
                    + literal(combined.toString()) + " (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IOException("DuckDB could not combine the partitions' Parquet files: " + firstLine(e.getMessage()), e);
        }
    }

    /** The answer's columns as one JVM's Parquet export types them. */
    private static String columns(AnswerFrames.Shape shape) {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < shape.names().size(); c++) {
            String name = "\"" + shape.names().get(c).replace("\"", "\"\"") + "\"";
            columns.add(switch (shape.types().get(c)) {
                case INTEGER -> "CAST(" + name + " AS BIGINT) AS " + name;
                case DATE -> shape.timestamps()[c] ? "CAST(" + name + " AS TIMESTAMP) AS " + name : name;
                default -> name;
            });
        }
        return String.join(", ", columns);
    }

    private static Table emptyTable(AnswerFrames.Shape shape) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < shape.names().size(); c++) {
            columns.add(new Column(shape.names().get(c), shape.types().get(c)));
        }
        return new Table(columns, List.of(), List.of(), java.util.Map.of());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Spark's part files, in part-number order (which is the order of the sorted ranges). */
    private static List<Path> partFiles(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")
                            && f.getFileName().toString().endsWith(extension))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
