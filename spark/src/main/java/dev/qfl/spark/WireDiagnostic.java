package dev.qfl.spark;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.Severity;
import dev.qfl.diag.Span;
import java.io.Serializable;
import java.util.List;

/**
 * A diagnostic on its way from an executor to the driver: {@link Diagnostic} itself is not
 * serializable, and an executor's stack trace is not what a user should read.
 */
record WireDiagnostic(String code, boolean error, String source, int start, int end, int line, int column,
                      String lineText, String message, List<String> hints) implements Serializable {

    WireDiagnostic {
        hints = List.copyOf(hints);
    }

    static WireDiagnostic of(Diagnostic d) {
        Span s = d.span();
        return new WireDiagnostic(d.code(), d.isError(), d.source(), s == null ? -1 : s.start(), s == null ? -1 : s.end(),
                s == null ? -1 : s.line(), s == null ? -1 : s.column(), d.lineText(), d.message(), d.hints());
    }

    Diagnostic toDiagnostic() {
        Span s = line < 0 ? null : new Span(start, end, line, column);
        return new Diagnostic(code, error ? Severity.ERROR : Severity.WARNING, source, s, lineText, message, hints);
    }
}
