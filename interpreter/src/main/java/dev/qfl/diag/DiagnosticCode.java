package dev.qfl.diag;

/**
 * The script-level diagnostic codes. Ranges: QF1xxx syntax, QF2xxx meaning (checker), QF5xxx
 * running a statement, QF9xxx QFL's own faults. Data (QF3xxx) and training/model-file (QF4xxx)
 * codes come from the standard library's {@code QflException}s and are passed through as is.
 * Codes are stable: tools and CI scripts may match on them.
 */
public enum DiagnosticCode {
    SYNTAX("QF1001", "syntax error"),
    UNTERMINATED_STRING("QF1002", "unterminated string"),
    BAD_CHARACTER("QF1003", "character not allowed"),
    TOO_DEEP("QF1004", "expression nested too deeply"),
    BAD_LITERAL("QF1005", "malformed literal"),

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

    BAD_SQL("QF3130", "a SQL statement that is not a query, or that the database refuses"),
    PASSWORD_IN_URL("QF3134", "a password written in a connection URL"),
    OMITTED_ZEROS("QF3153", "absent rows that look like omitted zeros"),
    ENDS_EARLY("QF3154", "series that end before the panel's forecast origin"),
    SHORT_SERIES("QF3201", "series too short for a model"),

    WRITE_FAILED("QF5001", "cannot write a file"),
    CANCELLED("QF5002", "cancelled"),
    PLOT_SELECTION("QF5003", "a plot's condition selects what the plot cannot draw"),
    EMPTY_SELECTION("QF5010", "a condition that selected no row"),
    OVERWRITES_DATA("QF5020", "an export that would replace a data file the session read"),
    OUTSIDE_ROOT("QF5021", "a path outside the folder an embedding confines the session to"),
    BAD_TABLE_NAME("QF5031", "a table name that is not a plain name or schema.name"),
    SPARK_UNSUPPORTED("QF5040", "a statement or source option that does not run on Spark yet"),
    SPARK_SERIES_COUNT("QF5041", "a script run on Spark that declares other than one series"),
    SPARK_NEURAL_TRAINING("QF5042", "a neural model whose training sample is more than the Spark driver may hold"),
    SPARK_FAILED("QF5043", "Spark could not start or finish a job"),
    SPARK_ANSWER_NOT_PER_SERIES("QF5044", "an answer without an id column, which partitions cannot split"),

    INTERNAL("QF9000", "internal error"),
    OUT_OF_MEMORY("QF9001", "out of memory");

    private final String code;
    private final String title;

    DiagnosticCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
