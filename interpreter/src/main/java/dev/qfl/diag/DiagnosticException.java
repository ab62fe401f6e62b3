package dev.qfl.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input (or its data) has errors: every diagnostic as data, and {@link #getMessage()} renders
 * them as the command line would. The layers below the embedding API throw this; the API's
 * {@code QflScriptException} extends it, so hosts keep catching the type they know.
 */
public class DiagnosticException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DiagnosticException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    /** With the underlying cause (kept for {@code --debug} traces; never shown to users otherwise). */
    public DiagnosticException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.stream().map(DiagnosticRenderer.plain()::render).collect(Collectors.joining()).stripTrailing(),
                cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The errors (and any warnings that came with them), in source order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
