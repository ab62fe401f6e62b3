package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.CsvLoader;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.PanelRows;
import dev.qfl.stdlib.data.PlannedRows;
import dev.qfl.stdlib.data.RowPositions;
import dev.qfl.stdlib.data.TimeParsing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the rows of a query (or of a result set an embedding application hands over) into a
 * panel, with the same options and the same assembly as a CSV file. Time columns are DATE,
 * TIMESTAMP (with or without time zone: taken in UTC) or text in the formats csv(...) reads;
 * value columns are numeric; a NULL value is a missing value (a gap). The fingerprint is a digest
 * of the rows read and the options, so it changes exactly when the data does.
 */
public final class QueryRows {
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);
    /** Numeric types drivers report by name only (DuckDB's unsigned and 128-bit integers). */
    private static final Set<String> NUMERIC_NAMES = Set.of("HUGEINT", "UHUGEINT", "UBIGINT", "UINTEGER", "USMALLINT",
            "UTINYINT");
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR);

    private QueryRows() {
    }

    /**
     * The panel {@code name} from every row of {@code rows}.
     *
     * @param source a short description of where the rows came from (a URL without parameters, a path)
     */
    public static LoadedPanel read(String name, ResultSet rows, CsvOptions options, String source) throws SQLException {
        return read(name, rows, options, source, null);
    }

    /** As {@link #read(String, ResultSet, CsvOptions, String)}, naming {@code file} as the data file read (or null). */
    public static LoadedPanel read(String name, ResultSet rows, CsvOptions options, String source, java.nio.file.Path file)
            throws SQLException {
        return read(name, rows, options, source, file, null);
    }

    /**
     * As {@link #read(String, ResultSet, CsvOptions, String, java.nio.file.Path)}, with the rows of
     * a {@code future:} source (or null), read once the query's rows are and merged into them.
     */
    public static LoadedPanel read(String name, ResultSet rows, CsvOptions options, String source, java.nio.file.Path file,
                                   Supplier<PlannedRows> future) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        int time = column(columns, options.time(), "time");
        Kind timeKind = timeKind(meta, time, columns.get(time - 1));
        List<Integer> values = new ArrayList<>();
        int[] ids = new int[0];
        if (options.value() != null) {
            values.add(column(columns, options.value(), "value"));
            ids = options.idColumns().stream().mapToInt(c -> column(columns, c, "id")).toArray();
        } else if (!options.idColumns().isEmpty()) {
            throw SqlErrors.error(DataErrors.MISSING_COLUMN, "without value: every other column is a series, so id: "
                    + "does not apply", "give value: \"COLUMN\" for one row per series and time, or drop id:", null);
        } else {
            for (int i = 1; i <= columns.size(); i++) {
                if (i != time) {
                    values.add(i);
                }
            }
        }
        for (int v : values) {
            requireNumeric(meta, v, columns.get(v - 1), "value");
        }
        // covariates (a long source only: the checker refuses them without value:)
        CovariateSpec spec = options.covariatesRead();
        int[] covariateCols = spec.columns().stream().mapToInt(c -> column(columns, c, "covariates")).toArray();
        int numeric = spec.numeric().size();
        for (int c = 0; c < numeric; c++) {
            requireNumeric(meta, covariateCols[c], columns.get(covariateCols[c] - 1), "covariate");
        }
        PanelRows panel = new PanelRows(RowPositions.none());
        if (options.value() == null) {
            values.forEach(v -> panel.declare(columns.get(v - 1)));
        }
        MessageDigest digest = sha256();
        long count = 0;
        while (rows.next()) {
            count++;
            if (count > options.maxRows()) {
                throw SqlErrors.error(DataErrors.TOO_MANY_ROWS, String.format(Locale.ROOT,
                        "the query returned more than %,d rows (max_rows:)", options.maxRows()),
                        "select fewer rows, or raise max_rows:", null);
            }
            int row = (int) Math.min(count, Integer.MAX_VALUE);
            LocalDateTime t = time(rows, time, timeKind, columns.get(time - 1), count);
            if (options.until() != null && t.isAfter(options.until())) {
                continue;
            }
            String single = options.value() == null ? null : ids.length == 0 ? options.value() : key(rows, ids, columns, count);
            for (int v : values) {
                double value = rows.getDouble(v);
                if (rows.wasNull() || Double.isInfinite(value)) {
                    value = Double.NaN;
                }
                String series = single != null ? single : columns.get(v - 1);
                if (covariateCols.length == 0) {
                    panel.add(series, t, value, row, time - 1);
                } else {
                    double[] numbers = new double[numeric];
                    String[] statics = new String[covariateCols.length - numeric];
                    for (int c = 0; c < numeric; c++) {
                        numbers[c] = rows.getDouble(covariateCols[c]);
                        numbers[c] = rows.wasNull() || Double.isInfinite(numbers[c]) ? Double.NaN : numbers[c];
                        digest.update(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(numbers[c])).array());
                    }
                    for (int c = 0; c < statics.length; c++) {
                        statics[c] = rows.getString(covariateCols[numeric + c]);
                        digest.update(String.valueOf(statics[c]).getBytes(StandardCharsets.UTF_8));
                    }
                    panel.add(series, t, value, row, time - 1, numbers, statics);
                }
                update(digest, series, t, value);
            }
        }
        if (count == 0) {
            throw SqlErrors.error(DataErrors.EMPTY_FILE, "the query returned no rows", "check its WHERE clause and "
                    + "the table or files it reads", null);
        }
        digest.update(options.canonical().getBytes(StandardCharsets.UTF_8));
        String fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        if (future != null && options.value() != null) {
            // the planned covariates change the forecasts, so they are part of the data's identity
            String planned = panel.mergeFuture(future.get(), options);
            fingerprint = HexFormat.of().formatHex(sha256().digest((fingerprint + ";future=" + planned)
                    .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        }
        return panel.finish(name, options, fingerprint, source, file, count);
    }

    enum Kind { DATE, TIMESTAMP, ZONED, TEXT }

    static int column(List<String> columns, String wanted, String option) {
        int exact = columns.indexOf(wanted);
        if (exact >= 0) {
            return exact + 1;
        }
        // Databases fold unquoted names (H2 and Oracle to upper case, PostgreSQL to lower case).
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(wanted)) {
                if (found >= 0) {
                    throw SqlErrors.error(DataErrors.MISSING_COLUMN, "the query has several columns named \""
                            + wanted + "\" in different cases", "name the columns apart (AS ...)", null);
                }
                found = i;
            }
        }
        if (found >= 0) {
            return found + 1;
        }
        String close = CsvLoader.closest(wanted, columns);
        String hint = "the query's columns are: " + String.join(", ", columns);
        throw SqlErrors.error(DataErrors.MISSING_COLUMN, "the query has no column \"" + wanted + "\" (" + option + ":)",
                close != null ? hint + "; did you mean \"" + close + "\"?" : hint, null);
    }

    static Kind timeKind(ResultSetMetaData meta, int col, String name) throws SQLException {
        int type = meta.getColumnType(col);
        if (type == Types.DATE) {
            return Kind.DATE;
        } else if (type == Types.TIMESTAMP) {
            return Kind.TIMESTAMP;
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
            return Kind.ZONED;
        } else if (TEXT.contains(type)) {
            return Kind.TEXT;
        }
        throw SqlErrors.error(SqlErrors.WRONG_COLUMN_TYPE, "the time column \"" + name + "\" is of type "
                + meta.getColumnTypeName(col) + ", not a date, timestamp or text",
                "convert it in the query, e.g. CAST(" + name + " AS DATE)", null);
    }

    static void requireNumeric(ResultSetMetaData meta, int col, String name, String what) throws SQLException {
        int type = meta.getColumnType(col);
        String typeName = String.valueOf(meta.getColumnTypeName(col)).toUpperCase(Locale.ROOT);
        if (!NUMERIC.contains(type) && !NUMERIC_NAMES.contains(typeName)) {
            throw SqlErrors.error(SqlErrors.WRONG_COLUMN_TYPE, "the " + what + " column \"" + name + "\" is of type "
                    + meta.getColumnTypeName(col) + ", not a number", "convert it in the query, e.g. CAST(" + name
                    + " AS DOUBLE), or name the right column", null);
        }
    }

    static LocalDateTime time(ResultSet rows, int col, Kind kind, String name, long row) throws SQLException {
        LocalDateTime t;
        try {
            t = read(rows, col, kind, name, row);
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            // a driver that cannot express the database's value in java.time (a date beyond year
            // 999,999,999, say): the value's problem, not QFL's
            throw new QflException(DataErrors.BAD_TIME, "row " + row + ": the time in column \"" + name
                    + "\" cannot be read: " + e.getMessage(), null, "leave such rows out of the query", e);
        }
        if (t == null) {
            throw SqlErrors.error(SqlErrors.NULL_KEY, "row " + row + " has no time (NULL in column \"" + name + "\")",
                    "leave such rows out of the query (WHERE " + name + " IS NOT NULL)", null);
        }
        return t;
    }

    private static LocalDateTime read(ResultSet rows, int col, Kind kind, String name, long row) throws SQLException {
        return switch (kind) {
            case DATE -> {
                LocalDate d = rows.getObject(col, LocalDate.class);
                yield d == null ? null : d.atStartOfDay();
            }
            case TIMESTAMP -> rows.getObject(col, LocalDateTime.class);
            case ZONED -> {
                OffsetDateTime o = rows.getObject(col, OffsetDateTime.class);
                yield o == null ? null : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            case TEXT -> {
                String text = rows.getString(col);
                yield text == null ? null : TimeParsing.parse(text.strip()).orElseThrow(() -> new QflException(
                        DataErrors.BAD_TIME, "row " + row + ": cannot parse \"" + text + "\" as a date or time in "
                        + "column \"" + name + "\"", null, "use ISO dates such as 2024-01-31, or a DATE column", null));
            }
        };
    }

    /** The series id: the id column's value, or several key columns' values joined as csv(...) joins them. */
    static String key(ResultSet rows, int[] cols, List<String> columns, long row) throws SQLException {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < cols.length; i++) {
            String name = columns.get(cols[i] - 1);
            String part = rows.getString(cols[i]);
            if (part == null) {
                throw SqlErrors.error(SqlErrors.NULL_KEY, "row " + row + " has no series id (NULL in column \"" + name
                        + "\")", "leave such rows out, or name them in the query: COALESCE(" + name + ", 'unknown')", null);
            }
            part = part.strip();
            if (cols.length > 1 && part.contains(DataShape.KEY_SEPARATOR)) {
                throw SqlErrors.error(DataErrors.KEY_VALUE, "row " + row + ": the key \"" + part + "\" in column \"" + name
                        + "\" contains \"" + DataShape.KEY_SEPARATOR + "\", which joins several id columns into a series id",
                        "replace it in the query, e.g. replace(" + name + ", '" + DataShape.KEY_SEPARATOR + "', '-')", null);
            }
            id.append(i > 0 ? DataShape.KEY_SEPARATOR : "").append(part);
        }
        return id.toString();
    }

    private static void update(MessageDigest digest, String series, LocalDateTime t, double value) {
        digest.update(series.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(t.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(ByteBuffer.allocate(9).put((byte) 0).putLong(Double.doubleToLongBits(value)).array());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
