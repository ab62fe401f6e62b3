package dev.qfl.diag;

/**
 * A stretch of source text: character offsets [start, end) plus the 1-based line and column of
 * its first character. Spans never take part in AST equality (see {@code dev.qfl.ast.AstEquality}).
 */
public record Span(int start, int end, int line, int column) {

    /** For nodes made by the tooling rather than parsed (e.g. defaults). */
    public static final Span NONE = new Span(0, 0, 0, 0);

    public int length() {
        return Math.max(1, end - start);
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        if (this == NONE) {
            return other;
        }
        if (other == NONE) {
            return this;
        }
        Span first = start <= other.start ? this : other;
        return new Span(first.start, Math.max(end, other.end), first.line, first.column);
    }
}
