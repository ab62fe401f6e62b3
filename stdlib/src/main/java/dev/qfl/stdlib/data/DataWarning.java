package dev.qfl.stdlib.data;

import dev.qfl.stdlib.diag.DiagnosticCode;

/**
 * Something about a panel that is probably not what the user meant, but not an error (series
 * that end early, absent rows that look like omitted zeros).
 *
 * @param code    the stable diagnostic code (QF31xx)
 * @param message one line saying what was found
 * @param hint    what to write instead, or null
 */
public record DataWarning(String code, String message, String hint) {
    /** A warning with a registered code. */
    public DataWarning(DiagnosticCode code, String message, String hint) {
        this(code.code(), message, hint);
    }
}
