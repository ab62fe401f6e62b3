package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.diag.DiagnosticCode;

/**
 * The data-error codes, raised with the position of the offending place in the data file.
 *
 * <table>
 * <caption>codes</caption>
 * <tr><th>code</th><th>problem</th></tr>
 * <tr><td>QF3101</td><td>a value that is not a number</td></tr>
 * <tr><td>QF3102</td><td>a time that cannot be read</td></tr>
 * <tr><td>QF3103</td><td>two rows for one series at one time</td></tr>
 * <tr><td>QF3104</td><td>a missing column</td></tr>
 * <tr><td>QF3105</td><td>an empty file</td></tr>
 * <tr><td>QF3106</td><td>a missing or unreadable file</td></tr>
 * <tr><td>QF3107</td><td>a gap and no fill</td></tr>
 * <tr><td>QF3108</td><td>a frequency that cannot be inferred</td></tr>
 * <tr><td>QF3109</td><td>a time off the frequency's grid</td></tr>
 * <tr><td>QF3110</td><td>a row with the wrong number of fields</td></tr>
 * <tr><td>QF3111</td><td>not a regular file (a folder, device, pipe or socket)</td></tr>
 * <tr><td>QF3112</td><td>bytes that are not valid in the file's encoding</td></tr>
 * <tr><td>QF3113</td><td>more rows than {@code max_rows:}</td></tr>
 * <tr><td>QF3114</td><td>a row longer than the row limit</td></tr>
 * <tr><td>QF3115</td><td>more points than a panel may hold (after filling gaps)</td></tr>
 * <tr><td>QF3116</td><td>an encoding Java does not know</td></tr>
 * <tr><td>QF3150</td><td>a time that does not match {@code date_format:}</td></tr>
 * <tr><td>QF3151</td><td>a key value that contains the separator of several id columns</td></tr>
 * <tr><td>QF3152</td><td>an {@code as_of:} time off a series' grid</td></tr>
 * <tr><td>QF3153</td><td>(warning) absent rows that look like omitted zeros</td></tr>
 * <tr><td>QF3154</td><td>(warning) series that end before the panel's forecast origin</td></tr>
 * <tr><td>QF3160</td><td>future covariates missing for part of a model's horizon</td></tr>
 * <tr><td>QF3161</td><td>a static attribute that is not constant within a series</td></tr>
 * <tr><td>QF3162</td><td>a model trained with other covariates than the panel's</td></tr>
 * </table>
 */
public final class DataErrors {
    public static final DiagnosticCode NOT_A_NUMBER = DiagnosticCode.NOT_A_NUMBER;
    public static final DiagnosticCode BAD_TIME = DiagnosticCode.BAD_TIME;
    public static final DiagnosticCode DUPLICATE_TIME = DiagnosticCode.DUPLICATE_TIME;
    public static final DiagnosticCode MISSING_COLUMN = DiagnosticCode.MISSING_COLUMN;
    public static final DiagnosticCode EMPTY_FILE = DiagnosticCode.EMPTY_FILE;
    public static final DiagnosticCode MISSING_FILE = DiagnosticCode.MISSING_FILE;
    public static final DiagnosticCode GAP = DiagnosticCode.GAP;
    public static final DiagnosticCode FREQUENCY = DiagnosticCode.FREQUENCY;
    public static final DiagnosticCode OFF_GRID = DiagnosticCode.OFF_GRID;
    public static final DiagnosticCode FIELD_COUNT = DiagnosticCode.FIELD_COUNT;
    public static final DiagnosticCode NOT_REGULAR = DiagnosticCode.NOT_REGULAR;
    public static final DiagnosticCode BAD_ENCODING = DiagnosticCode.BAD_ENCODING;
    public static final DiagnosticCode TOO_MANY_ROWS = DiagnosticCode.TOO_MANY_ROWS;
    public static final DiagnosticCode ROW_TOO_LONG = DiagnosticCode.ROW_TOO_LONG;
    public static final DiagnosticCode TOO_MANY_POINTS = DiagnosticCode.TOO_MANY_POINTS;
    public static final DiagnosticCode UNKNOWN_ENCODING = DiagnosticCode.UNKNOWN_ENCODING;
    public static final DiagnosticCode DATE_FORMAT_MISMATCH = DiagnosticCode.DATE_FORMAT_MISMATCH;
    public static final DiagnosticCode KEY_VALUE = DiagnosticCode.KEY_VALUE;
    public static final DiagnosticCode AS_OF_OFF_GRID = DiagnosticCode.AS_OF_OFF_GRID;
    public static final DiagnosticCode OMITTED_ZEROS = DiagnosticCode.OMITTED_ZEROS;
    public static final DiagnosticCode ENDS_EARLY = DiagnosticCode.ENDS_EARLY;
    public static final DiagnosticCode FUTURE_COVARIATES = DiagnosticCode.FUTURE_COVARIATES_MISSING;
    public static final DiagnosticCode STATIC_VARIES = DiagnosticCode.STATIC_VARIES;
    public static final DiagnosticCode COVARIATE_MISMATCH = DiagnosticCode.COVARIATES_MISMATCH;

    private DataErrors() {
    }

    static QflException at(DiagnosticCode code, FilePosition where, String message, String hint) {
        return new QflException(code, message, where, hint, null);
    }
}
