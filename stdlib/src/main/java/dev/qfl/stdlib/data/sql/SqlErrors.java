package dev.qfl.stdlib.data.sql;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The codes of database sources and sinks. A problem here has no place in a file: it is reported
 * at the script statement that named the source or the table, with the database's own message.
 *
 * <table>
 * <caption>codes</caption>
 * <tr><th>code</th><th>problem</th></tr>
 * <tr><td>QF3130</td><td>the database refused the statement (bad SQL, a missing table or file)</td></tr>
 * <tr><td>QF3131</td><td>no JDBC driver on the class path accepts the URL</td></tr>
 * <tr><td>QF3132</td><td>the connection failed (host, port, database, user or password)</td></tr>
 * <tr><td>QF3133</td><td>a time or value column of a type QFL cannot read as one</td></tr>
 * <tr><td>QF3134</td><td>a password written in the connection URL</td></tr>
 * <tr><td>QF3135</td><td>a credentials file that cannot be read or names no user</td></tr>
 * <tr><td>QF3136</td><td>a row whose time or series id is NULL</td></tr>
 * <tr><td>QF5030</td><td>an export to a table the database refused (the previous table is left as it was)</td></tr>
 * <tr><td>QF5031</td><td>a table name that is not a plain name or schema.name</td></tr>
 * <tr><td>QF5032</td><td>an export to an existing table that has other columns</td></tr>
 * </table>
 */
public final class SqlErrors {
    public static final DiagnosticCode BAD_QUERY = DiagnosticCode.BAD_SQL;
    public static final DiagnosticCode NO_DRIVER = DiagnosticCode.NO_DRIVER;
    public static final DiagnosticCode CONNECTION_FAILED = DiagnosticCode.CONNECTION_FAILED;
    public static final DiagnosticCode WRONG_COLUMN_TYPE = DiagnosticCode.WRONG_COLUMN_TYPE;
    public static final DiagnosticCode PASSWORD_IN_URL = DiagnosticCode.PASSWORD_IN_URL;
    public static final DiagnosticCode CREDENTIALS = DiagnosticCode.CREDENTIALS;
    public static final DiagnosticCode NULL_KEY = DiagnosticCode.NULL_KEY;
    public static final DiagnosticCode EXPORT_FAILED = DiagnosticCode.EXPORT_FAILED;
    public static final DiagnosticCode BAD_TABLE_NAME = DiagnosticCode.BAD_TABLE_NAME;
    public static final DiagnosticCode TABLE_COLUMNS = DiagnosticCode.TABLE_COLUMNS;

    /** Longest database message quoted: enough for the cause, short enough for one line. */
    private static final int MAX_MESSAGE = 300;

    private SqlErrors() {
    }

    static QflException error(DiagnosticCode code, String message, String hint, Throwable cause) {
        return new QflException(code, message, null, hint, cause);
    }

    /**
     * The database's message on one line: the first line that says something. DuckDB wraps its
     * errors in a generic first line and appends candidate lists and a caret drawing, which a
     * one-line diagnostic cannot show.
     */
    static String message(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Invalid Input Error: Attempting to execute an unsuccessful"))
                .findFirst().orElse(text.strip());
        if (first.startsWith("Error: ")) {
            first = first.substring("Error: ".length());
        }
        return first.length() > MAX_MESSAGE ? first.substring(0, MAX_MESSAGE) + "…" : first;
    }

    /** Whether the message says the driver found no such file (DuckDB's reading of a path or glob). */
    static boolean missingFile(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no files found") || m.contains("no such file");
    }
}
