package dev.qfl.api;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import java.util.List;

/**
 * The script (or its data) has errors. Carries every diagnostic as data; {@link #getMessage()}
 * renders them as the CLI would. The session that threw stays usable with everything defined
 * before the failing statement.
 */
public class QflScriptException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    public QflScriptException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    /** With the underlying cause (kept for {@code --debug} traces; never shown to users otherwise). */
    public QflScriptException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics, cause);
    }

    /** The API's exception for errors found below it, with the same diagnostics and cause. */
    public static QflScriptException of(DiagnosticException e) {
        return e instanceof QflScriptException api ? api : new QflScriptException(e.diagnostics(), e.getCause());
    }
}
