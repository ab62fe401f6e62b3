package dev.qfl.api;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The script (or its data) has errors. Carries every diagnostic as data; {@link #getMessage()}
 * renders them as the CLI would. The session that threw stays usable with everything defined
 * before the failing statement.
 */
public class QflScriptException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public QflScriptException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    /** With the underlying cause (kept for {@code --debug} traces; never shown to users otherwise). */
    public QflScriptException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.stream().map(DiagnosticRenderer.plain()::render).collect(Collectors.joining()).stripTrailing(),
                cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The errors (and any warnings that came with them), in source order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
