package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.PlannedRows;
import dev.qfl.stdlib.data.RowPositions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows of a {@code future:} query ({@code sql("SELECT ...")} or {@code parquet(...)})
 * as planned rows: the main source's time and id columns and its dynamic covariates, with the
 * column and type rules of a query source ({@link QueryRows}). Other columns are ignored, as in a
 * future CSV file. A problem of one row names its number in the result, as a query source's do.
 */
final class FutureQueryRows {
    private FutureQueryRows() {
    }

    static PlannedRows read(ResultSet rows, CsvOptions options) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        int time = QueryRows.column(columns, options.time(), "time");
        QueryRows.Kind timeKind = QueryRows.timeKind(meta, time, columns.get(time - 1));
        int[] ids = options.idColumns().stream().mapToInt(c -> QueryRows.column(columns, c, "id")).toArray();
        CovariateSpec spec = options.covariatesRead();
        int[] dynamic = spec.dynamic().stream().mapToInt(c -> QueryRows.column(columns, c, "covariates")).toArray();
        for (int d : dynamic) {
            QueryRows.requireNumeric(meta, d, columns.get(d - 1), "covariate");
        }
        MessageDigest digest = QueryRows.sha256();
        List<PlannedRows.Row> planned = new ArrayList<>();
        long count = 0;
        while (rows.next()) {
            count++;
            if (count > options.maxRows()) {
                throw SqlErrors.error(DataErrors.TOO_MANY_ROWS, String.format(Locale.ROOT,
                        "the future query returned more than %,d rows (max_rows:)", options.maxRows()),
                        "select fewer rows, or raise max_rows:", null);
            }
            var t = QueryRows.time(rows, time, timeKind, columns.get(time - 1), count);
            String series = ids.length == 0 ? options.value() : QueryRows.key(rows, ids, columns, count);
            double[] values = new double[spec.numeric().size()];
            Arrays.fill(values, Double.NaN);
            for (int c = 0; c < dynamic.length; c++) {
                double v = rows.getDouble(dynamic[c]);
                values[c] = rows.wasNull() || Double.isInfinite(v) ? Double.NaN : v;
                digest.update(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(values[c])).array());
            }
            digest.update(series.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(t.toString().getBytes(StandardCharsets.UTF_8));
            planned.add(new PlannedRows.Row(series, t, values, (int) Math.min(count, Integer.MAX_VALUE)));
        }
        return new PlannedRows("the future query", false, 0, planned,
                HexFormat.of().formatHex(digest.digest()).substring(0, 16), RowPositions.none(),
                (row, atSeries, code, message, hint) -> SqlErrors.error(code, "row " + row.line()
                        + " of the future query: " + message, hint, null));
    }
}
