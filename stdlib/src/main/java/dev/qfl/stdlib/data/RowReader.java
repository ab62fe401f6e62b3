package dev.qfl.stdlib.data;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the cells of one CSV row as the options' shape says: times in the built-in formats or in
 * {@code date_format:}, numbers with a decimal point or comma, and the series id from one or
 * several key columns.
 */
final class RowReader {
    private final CsvText csv;
    private final DataShape shape;
    private final DateTimeFormatter dateFormat;

    RowReader(CsvText csv, CsvOptions options) {
        this.csv = csv;
        this.shape = options.shape();
        this.dateFormat = shape.dateFormat() == null ? null : DateFormat.compile(shape.dateFormat());
    }

    LocalDateTime time(CsvText.Row r, int col, String colName) {
        String text = r.get(col);
        if (dateFormat != null) {
            return DateFormat.parse(dateFormat, text).orElseThrow(() -> DataErrors.at(DataErrors.DATE_FORMAT_MISMATCH,
                    csv.at(r, col), "\"" + text + "\" in column \"" + colName + "\" is not a date in the format \""
                            + shape.dateFormat() + "\"", "check date_format: against the file, e.g. \"dd.MM.yyyy\" for 31.01.2024"));
        }
        return TimeParsing.parse(text).orElseThrow(() -> DataErrors.at(DataErrors.BAD_TIME, csv.at(r, col),
                "cannot parse \"" + text + "\" as a date or time in column \"" + colName + "\"", timeHint(text)));
    }

    /** Day-first or slashed dates are another layout, not a typo: point at date_format:. */
    private static String timeHint(String text) {
        if (text.matches("\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}.*")) {
            return "give the file's layout, e.g. date_format: \"" + (text.contains("/") ? "MM/dd/yyyy" : "dd.MM.yyyy")
                    + "\", or use ISO dates such as 2024-01-31";
        }
        return "use ISO dates such as 2024-01-31, 2024-01-31T10:00, 2024-01 or 2024";
    }

    /** The id of the row's series: one column's value, or several joined by {@link DataShape#KEY_SEPARATOR}. */
    String seriesId(CsvText.Row r, int[] idCols) {
        if (idCols.length == 1) {
            return r.get(idCols[0]).strip();
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < idCols.length; i++) {
            String key = r.get(idCols[i]).strip();
            if (key.contains(DataShape.KEY_SEPARATOR)) {
                // the answers split the id back into its key columns, so a separator inside a key
                // would put part of one key into the next
                throw DataErrors.at(DataErrors.KEY_VALUE, csv.at(r, idCols[i]), "the key \"" + key + "\" in column \""
                        + csv.header.get(idCols[i]) + "\" contains \"" + DataShape.KEY_SEPARATOR + "\", which joins "
                        + "several id columns into a series id", "replace \"" + DataShape.KEY_SEPARATOR
                        + "\" in the key values, or build one id column in the file");
            }
            if (i > 0) {
                id.append(DataShape.KEY_SEPARATOR);
            }
            id.append(key);
        }
        return id.toString();
    }

    /**
     * The point with its row's covariates: {@code columns} are the covariate columns in the order
     * of {@link CovariateSpec#columns()} (numeric ones first, then the static ones).
     */
    SeriesAssembler.Point withCovariates(SeriesAssembler.Point p, CsvText.Row r, int[] columns, CovariateSpec spec) {
        if (columns.length == 0) {
            return p;
        }
        int numeric = spec.numeric().size();
        double[] values = new double[numeric];
        for (int c = 0; c < numeric; c++) {
            String text = r.get(columns[c]);
            values[c] = DataNumbers.parse(text, shape.decimalComma());
            if (Double.isNaN(values[c]) && !DataNumbers.isMissing(text)) {
                throw DataErrors.at(DataErrors.NOT_A_NUMBER, csv.at(r, columns[c]), "cannot parse \"" + text
                        + "\" as a number in the covariate column \"" + spec.numeric().get(c) + "\"",
                        "covariates are numbers (a promotion is 0 or 1); name text attributes in static:");
            }
        }
        String[] statics = new String[columns.length - numeric];
        for (int c = 0; c < statics.length; c++) {
            statics[c] = r.get(columns[numeric + c]);
        }
        return new SeriesAssembler.Point(p.time(), p.value(), p.line(), p.timeColumn(), values, statics);
    }

    SeriesAssembler.Point point(CsvText.Row r, int timeCol, int col, String colName, LocalDateTime time) {
        // Spaces around an unquoted field are CSV layout and already gone; inside quotes they are
        // part of the value, and a value with spaces is not a plain number.
        String text = r.get(col);
        double value = DataNumbers.parse(text, shape.decimalComma());
        if (Double.isNaN(value) && !DataNumbers.isMissing(text)) {
            throw DataErrors.at(DataErrors.NOT_A_NUMBER, csv.at(r, col),
                    "cannot parse \"" + text + "\" as a number in column \"" + colName + "\"",
                    DataNumbers.hint(text, shape.decimalComma()));
        }
        return new SeriesAssembler.Point(time, value, r.line(), timeCol);
    }
}
