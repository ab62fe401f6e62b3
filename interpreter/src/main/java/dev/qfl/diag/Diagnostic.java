package dev.qfl.diag;

import dev.qfl.stdlib.diag.DiagnosticCode;
import java.util.List;
import java.util.Optional;

/**
 * One message about a script or its data, as data: a stable code, where it is, the sentence, and
 * optional hints. Rendering (with the quoted line and a caret) is {@link DiagnosticRenderer}'s job.
 *
 * @param code     stable identifier such as {@code QF2004} (catalogue: docs/diagnostics.md)
 * @param severity error, warning or note
 * @param source   the file the position refers to (script or data file), as the user named it
 * @param span     where, or null when the diagnostic concerns no particular place
 * @param lineText the quoted source line, or null
 * @param message  one sentence of cause
 * @param hints    suggestions, possibly empty
 */
public record Diagnostic(String code, Severity severity, String source, Span span, String lineText, String message,
                         List<String> hints) {

    public Diagnostic {
        hints = List.copyOf(hints);
    }

    public static Diagnostic error(DiagnosticCode code, SourceFile file, Span span, String message, String... hints) {
        return at(code, Severity.ERROR, file, span, message, hints);
    }

    public static Diagnostic warning(DiagnosticCode code, SourceFile file, Span span, String message, String... hints) {
        return at(code, Severity.WARNING, file, span, message, hints);
    }

    private static Diagnostic at(DiagnosticCode code, Severity severity, SourceFile file, Span span, String message,
                                 String... hints) {
        String line = span == null || span == Span.NONE ? null : file.line(span.line());
        return new Diagnostic(code.code(), severity, file.name(), span == Span.NONE ? null : span, line, message,
                List.of(hints));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Optional<Span> position() {
        return Optional.ofNullable(span);
    }

    /** The same diagnostic with one more hint. */
    public Diagnostic withHint(String hint) {
        List<String> all = new java.util.ArrayList<>(hints);
        all.add(hint);
        return new Diagnostic(code, severity, source, span, lineText, message, all);
    }
}
