package dev.qfl.stdlib;

import dev.qfl.stdlib.diag.DiagnosticCode;
import java.util.Optional;

/**
 * A problem caused by the user's input (data, options, files) rather than by a bug in QFL.
 *
 * <p>Carries a stable diagnostic code from the one registry, {@link DiagnosticCode} (for example {@code QF3101}) and, when the problem sits in a
 * file, the position in that file, so the language front end can render it like any other
 * diagnostic: {@code retail.csv:1042:3: error[QF3101]: ...}.
 */
public class QflException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final DiagnosticCode code;
    private final FilePosition position;
    private final String hint;

    public QflException(DiagnosticCode code, String message) {
        this(code, message, null, null, null);
    }

    public QflException(DiagnosticCode code, String message, FilePosition position, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.position = position;
        this.hint = hint;
    }

    /** Stable code such as {@code QF3101}; see docs/diagnostics.md for the catalogue. */
    public String code() {
        return code.code();
    }

    /** The code as registered. */
    public DiagnosticCode diagnosticCode() {
        return code;
    }

    /** Where in a data or model file the problem is, when it is in one. */
    public Optional<FilePosition> position() {
        return Optional.ofNullable(position);
    }

    /** A suggestion for the user, or empty. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
