package dev.qfl.spark;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An answer as a Spark DataFrame with the same columns as the QFL table, for hosts that go on in
 * Spark (a join with stock levels, a write to a lakehouse table):
 * <pre>{@code
 * new SparkRun(spark, 0).run("plan.qfl", source, folder, out -> {
 *     if (out instanceof Output.TableOutput t) {
 *         SparkAnswers.toDataFrame(spark, t.table()).write().saveAsTable("plan");
 *     }
 * });
 * }</pre>
 * Text is a string, integers are integers, numbers are doubles (unchanged, bit for bit), and a
 * date column is a date when every cell is a day, else a timestamp.
 */
public final class SparkAnswers {
    private SparkAnswers() {
    }

    public static Dataset<Row> toDataFrame(SparkSession spark, Table table) {
        StructType schema = new StructType();
        List<Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            schema = schema.add(columns.get(c).name(), type(table, c), true);
        }
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (Table.Row r : table.rows()) {
            Object[] cells = new Object[r.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(r.get(c));
            }
            rows.add(RowFactory.create(cells));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static DataType type(Table table, int column) {
        ColumnType type = table.columns().get(column).type();
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case NUMBER -> DataTypes.DoubleType;
            case DATE -> table.rows().stream().allMatch(r -> r.get(column) == null || r.get(column) instanceof LocalDate)
                    ? DataTypes.DateType : DataTypes.TimestampType;
        };
    }

    /** Spark's rows take java.sql dates and timestamps unless its Java 8 time API is switched on. */
    private static Object cell(Object value) {
        if (value instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (value instanceof LocalDateTime t) {
            return java.sql.Timestamp.valueOf(t);
        }
        return value;
    }
}
