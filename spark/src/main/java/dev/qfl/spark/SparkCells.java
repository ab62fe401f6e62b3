package dev.qfl.spark;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.DataNumbers;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.DateFormat;
import dev.qfl.stdlib.data.TimeParsing;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The cells of one row read by Spark, read as one JVM's CSV reader reads them (stdlib's
 * {@code RowReader}, which works on its own CSV rows and is not public): times in the built-in
 * formats or in {@code date_format:}, numbers with a decimal point or comma, the series id from
 * one or several key columns. The number and time rules themselves are stdlib's
 * ({@link DataNumbers}, {@link TimeParsing}); what is repeated here is only what stdlib keeps
 * package-private: reading a {@code date_format:} pattern, the decimal comma and the messages.
 * {@code SparkSourcesTest} compares both readers' answers and diagnostics.
 */
final class SparkCells {
    private final SeriesSource source;
    private final CsvFields fields;
    private final Path path;
    private final DateTimeFormatter dateFormat;

    SparkCells(SeriesSource source, CsvFields fields) {
        this.source = source;
        this.fields = fields;
        this.path = Path.of(source.location());
        this.dateFormat = source.shape().dateFormat() == null ? null
                : DateFormat.compile(source.shape().dateFormat());
    }

    LocalDateTime time(String text, int row) {
        if (dateFormat != null) {
            return DateFormat.parse(dateFormat, text).orElseThrow(() -> new QflException(DataErrors.DATE_FORMAT_MISMATCH, "\""
                    + text + "\" in column \"" + source.time() + "\" is not a date in the format \""
                    + source.shape().dateFormat() + "\"", at(row, fields.time()),
                    "check date_format: against the file, e.g. \"dd.MM.yyyy\" for 31.01.2024", null));
        }
        return TimeParsing.parse(text).orElseThrow(() -> new QflException(DataErrors.BAD_TIME, "cannot parse \""
                + text + "\" as a date or time in column \"" + source.time() + "\"", at(row, fields.time()),
                timeHint(text), null));
    }

    double value(String text, int row) {
        boolean comma = source.shape().decimalComma();
        double value = !comma ? DataNumbers.parse(text) : text.indexOf('.') >= 0 ? Double.NaN
                : DataNumbers.parse(text.replace(',', '.'));
        if (Double.isNaN(value) && !DataNumbers.isMissing(text)) {
            throw new QflException(DataErrors.NOT_A_NUMBER, "cannot parse \"" + text + "\" as a number in column \""
                    + source.value() + "\"", at(row, fields.value()), !comma ? DataNumbers.hint(text)
                    : text.indexOf('.') >= 0
                    ? "with decimal: \",\" numbers use a comma only (12,5), without thousands separators"
                    : "numbers are plain decimals such as 12, -0,5 or 1,2e3", null);
        }
        return value;
    }

    /** The series id: the id cell stripped, or the stripped keys joined by {@link DataShape#KEY_SEPARATOR}. */
    String seriesId(String raw, int row) {
        if (source.shape().keys().isEmpty()) {
            return raw.strip();
        }
        String[] parts = raw.split(SparkSeriesReader.KEY_JOIN, -1);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String key = parts[i].strip();
            if (key.contains(DataShape.KEY_SEPARATOR)) {
                // the answers split the id back into its key columns, so a separator inside a key
                // would put part of one key into the next
                throw new QflException(DataErrors.KEY_VALUE, "the key \"" + key + "\" in column \""
                        + source.shape().keys().get(i) + "\" contains \"" + DataShape.KEY_SEPARATOR + "\", which joins "
                        + "several id columns into a series id", at(row, fields.keys().isEmpty() ? 0 : fields.keys().get(i)),
                        "replace \"" + DataShape.KEY_SEPARATOR + "\" in the key values, or build one id column in the file",
                        null);
            }
            if (i > 0) {
                id.append(DataShape.KEY_SEPARATOR);
            }
            id.append(key);
        }
        return id.toString();
    }

    private FilePosition at(int row, int field) {
        return field > 0 ? new FilePosition(path, row, field, null) : null;
    }

    /** Day-first or slashed dates are another layout, not a typo: point at date_format:. */
    private static String timeHint(String text) {
        if (text.matches("\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}.*")) {
            return "give the file's layout, e.g. date_format: \"" + (text.contains("/") ? "MM/dd/yyyy" : "dd.MM.yyyy")
                    + "\", or use ISO dates such as 2024-01-31";
        }
        return "use ISO dates such as 2024-01-31, 2024-01-31T10:00, 2024-01 or 2024";
    }
}
