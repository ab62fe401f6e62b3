package dev.qfl.stdlib.diag;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every diagnostic code QFL reports, in one registry that the standard library and the
 * interpreter share: QF1xxx syntax, QF2xxx meaning (checker), QF3xxx data, QF4xxx training and
 * model files, QF5xxx running a statement, QF9xxx QFL's own faults. docs/diagnostics.md lists the
 * same codes (a test keeps the two equal). Codes are stable: tools and CI scripts match on them.
 */
public enum DiagnosticCode {
    // syntax
    SYNTAX("QF1001", "syntax error"),
    UNTERMINATED_STRING("QF1002", "unterminated string"),
    BAD_CHARACTER("QF1003", "character not allowed"),
    TOO_DEEP("QF1004", "expression nested too deeply"),
    BAD_LITERAL("QF1005", "malformed literal"),

    // meaning: found by checking, before anything runs
    UNDEFINED_NAME("QF2001", "undefined name"),
    DUPLICATE_NAME("QF2002", "name already defined"),
    WRONG_TYPE("QF2003", "wrong kind of value"),
    UNKNOWN_OPTION("QF2004", "unknown option"),
    OPTION_OUT_OF_RANGE("QF2005", "option value out of range"),
    LEVEL_OUT_OF_RANGE("QF2006", "level outside (0, 1)"),
    HORIZON_BEYOND_MODEL("QF2007", "horizon beyond the model's horizon"),
    MODEL_SERIES_MISMATCH("QF2008", "model declared on another series"),
    UNKNOWN_FUNCTION("QF2009", "unknown function"),
    WRONG_ARGUMENTS("QF2010", "wrong arguments"),
    AMBIGUOUS_MODEL("QF2011", "several models could answer"),
    NO_MODEL("QF2012", "no model declared on the series"),
    BAD_RANGE("QF2013", "invalid range"),
    UNKNOWN_COLUMN("QF2014", "unknown column in a condition"),
    MISSING_OPTION("QF2015", "required option missing"),
    DUPLICATE_OPTION("QF2016", "option given twice"),
    JOINT_ON_UNIVARIATE("QF2017", "joint question on a univariate model"),
    BAD_EXPORT("QF2018", "unsupported export target"),
    NOT_A_QUERY("QF2019", "clause on something that is not a query"),
    IMPOSSIBLE_CONDITION("QF2020", "a condition no row can meet"),
    BAD_DATE_FORMAT("QF2030", "a date_format that cannot read dates"),
    BAD_DELIMITER("QF2031", "a delimiter that is not one character, or a quote or line break"),
    BAD_ID_COLUMNS("QF2032", "an id list that is empty, repeats a column or names something else"),
    BAD_AS_OF("QF2033", "an as_of that is not a date, or after until"),
    BAD_DECIMAL("QF2034", "a decimal separator other than \".\" or \",\", or a decimal comma between commas"),
    BAD_COVARIATE_COLUMNS("QF2040", "a covariates, past or static list that is empty, repeats a column or names something else"),
    COVARIATES_NEED_LONG("QF2041", "covariate options on a source without value: (one column per series)"),
    UNKNOWN_HOLIDAYS("QF2042", "an unknown holiday calendar"),
    WHAT_IF_WITHOUT_COVARIATES("QF2043", "a with clause on a question whose model uses no future covariates"),
    UNKNOWN_WHAT_IF_COVARIATE("QF2044", "a with clause naming something other than one of the model's covariates:"),
    DUPLICATE_WHAT_IF("QF2045", "a covariate assigned twice in one with clause"),
    BAD_WHAT_IF_VALUE("QF2046", "a what-if value that is not arithmetic on numbers and the covariate's own values"),
    WHAT_IF_NOT_FINITE("QF2047", "a what-if value that is not a finite number for some forecast step"),
    BAD_FUTURE_SOURCE("QF2048", "a future: option that is not a csv(...) call of a path alone"),
    FUTURE_WITHOUT_COVARIATES("QF2049", "a future: option on a source without covariates:"),

    // data
    NOT_A_NUMBER("QF3101", "a value that is not a number"),
    BAD_TIME("QF3102", "a time that cannot be read"),
    DUPLICATE_TIME("QF3103", "two rows for the same series and time"),
    MISSING_COLUMN("QF3104", "a missing column"),
    EMPTY_FILE("QF3105", "an empty file"),
    MISSING_FILE("QF3106", "a missing or unreadable file"),
    GAP("QF3107", "a gap in a series and no fill"),
    FREQUENCY("QF3108", "a frequency that cannot be inferred"),
    OFF_GRID("QF3109", "a time off the series' regular grid"),
    FIELD_COUNT("QF3110", "a row with the wrong number of fields"),
    NOT_REGULAR("QF3111", "not a regular file"),
    BAD_ENCODING("QF3112", "bytes that are not valid in the file's encoding"),
    TOO_MANY_ROWS("QF3113", "more rows than max_rows"),
    ROW_TOO_LONG("QF3114", "a row longer than 1,048,576 characters"),
    TOO_MANY_POINTS("QF3115", "more points in a panel than 10,000,000 or max_rows"),
    UNKNOWN_ENCODING("QF3116", "an encoding Java does not know"),
    BAD_SQL("QF3130", "a SQL statement that is not a query, or that the database refuses"),
    NO_DRIVER("QF3131", "no JDBC driver for the URL"),
    CONNECTION_FAILED("QF3132", "a database connection that fails"),
    WRONG_COLUMN_TYPE("QF3133", "a time or value column of the wrong type"),
    PASSWORD_IN_URL("QF3134", "a password written in a connection URL"),
    CREDENTIALS("QF3135", "a credentials file that is missing, unreadable or names no user"),
    NULL_KEY("QF3136", "a query row whose time or series id is NULL"),
    DATE_FORMAT_MISMATCH("QF3150", "a time that does not match date_format"),
    KEY_VALUE("QF3151", "a key value that contains /"),
    AS_OF_OFF_GRID("QF3152", "an as_of time off the grid of a series extended to it"),
    OMITTED_ZEROS("QF3153", "absent rows that look like omitted zeros"),
    ENDS_EARLY("QF3154", "series that end before the panel's forecast origin"),
    FUTURE_COVARIATES_MISSING("QF3160", "future values of a covariate missing for part of the horizon"),
    STATIC_VARIES("QF3161", "a static attribute that is not constant within a series"),
    COVARIATES_MISMATCH("QF3162", "a model trained with other covariates or holidays than the panel has"),
    FUTURE_ROW_TWICE("QF3163", "a series and time present both in the main source and in its future: file"),
    FUTURE_ROW_NOT_AHEAD("QF3164", "a future: row at or before the series' last observed value"),
    FUTURE_UNKNOWN_SERIES("QF3165", "a future: row for a series the main source does not have"),
    SPARK_READ("QF3170", "Spark could not read the series"),
    SHORT_SERIES("QF3201", "series too short for a model"),

    // training and model files
    LOSS_NOT_FINITE("QF4101", "the training loss stopped being a number"),
    NO_GPU("QF4102", "device: gpu without a GPU"),
    NO_TRAINING_WINDOW("QF4103", "no series long enough for one training window"),
    ENGINE_FAILED("QF4104", "the tensor engine could not start"),
    TOO_LARGE_FOR_NEURAL("QF4105", "a value beyond 1e300, which neural models cannot forecast"),
    TOO_LARGE_FOR_STATISTICS("QF4106", "a value beyond 1e100, which the statistical models cannot fit"),
    BAD_MODEL_FILE("QF4201", "a model file that is missing, damaged, truncated or of another format"),
    NOT_SAVED("QF4202", "a model kind that is not saved"),

    // running a statement
    WRITE_FAILED("QF5001", "cannot write a file"),
    CANCELLED("QF5002", "cancelled"),
    PLOT_SELECTION("QF5003", "a plot's condition selects what the plot cannot draw"),
    EMPTY_SELECTION("QF5010", "a condition that selected no row"),
    OVERWRITES_DATA("QF5020", "an export that would replace a data file the session read"),
    OUTSIDE_ROOT("QF5021", "a path outside the folder an embedding confines the session to"),
    EXPORT_FAILED("QF5030", "an export to a table the database refused"),
    BAD_TABLE_NAME("QF5031", "a table name that is not a plain name or schema.name"),
    TABLE_COLUMNS("QF5032", "an export to an existing table with other columns"),
    SPARK_UNSUPPORTED("QF5040", "a statement or source option that does not run on Spark yet"),
    SPARK_SERIES_COUNT("QF5041", "a script run on Spark that declares other than one series"),
    SPARK_NEURAL_TRAINING("QF5042", "a neural model whose training sample is more than the Spark driver may hold"),
    SPARK_FAILED("QF5043", "Spark could not start or finish a job"),
    SPARK_ANSWER_NOT_PER_SERIES("QF5044", "an answer without an id column, which partitions cannot split"),

    // QFL's own faults
    INTERNAL("QF9000", "internal error"),
    OUT_OF_MEMORY("QF9001", "out of memory");

    private static final Map<String, DiagnosticCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DiagnosticCode::code, Function.identity()));

    private final String code;
    private final String title;

    DiagnosticCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** The stable code, e.g. {@code QF3101}. */
    public String code() {
        return code;
    }

    /** A few words on what the code means. */
    public String title() {
        return title;
    }

    /** The registered code {@code code} names, if any. */
    public static Optional<DiagnosticCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The code itself, so that text built from a code reads {@code QF3101}. */
    @Override
    public String toString() {
        return code;
    }
}
