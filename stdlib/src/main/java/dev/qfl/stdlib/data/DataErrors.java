package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;

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
    public static final String NOT_A_NUMBER = "QF3101";
    public static final String BAD_TIME = "QF3102";
    public static final String DUPLICATE_TIME = "QF3103";
    public static final String MISSING_COLUMN = "QF3104";
    public static final String EMPTY_FILE = "QF3105";
    public static final String MISSING_FILE = "QF3106";
    public static final String GAP = "QF3107";
    public static final String FREQUENCY = "QF3108";
    public static final String OFF_GRID = "QF3109";
    public static final String FIELD_COUNT = "QF3110";
    public static final String NOT_REGULAR = "QF3111";
    public static final String BAD_ENCODING = "QF3112";
    public static final String TOO_MANY_ROWS = "QF3113";
    public static final String ROW_TOO_LONG = "QF3114";
    public static final String TOO_MANY_POINTS = "QF3115";
    public static final String UNKNOWN_ENCODING = "QF3116";
    public static final String DATE_FORMAT_MISMATCH = "QF3150";
    public static final String KEY_VALUE = "QF3151";
    public static final String AS_OF_OFF_GRID = "QF3152";
    public static final String OMITTED_ZEROS = "QF3153";
    public static final String ENDS_EARLY = "QF3154";
    public static final String FUTURE_COVARIATES = "QF3160";
    public static final String STATIC_VARIES = "QF3161";
    public static final String COVARIATE_MISMATCH = "QF3162";

    private DataErrors() {
    }

    static QflException at(String code, FilePosition where, String message, String hint) {
        return new QflException(code, message, where, hint, null);
    }
}
