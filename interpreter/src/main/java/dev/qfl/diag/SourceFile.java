package dev.qfl.diag;

import dev.qfl.stdlib.io.LineIndex;

/**
 * Script text with a name (a path as the user wrote it, or {@code <repl>}) and a line index, so
 * diagnostics can quote the offending line.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final LineIndex lines;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = new LineIndex(text);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lines.lineCount();
    }

    /** The text of a 1-based line, without its line break; empty when out of range. */
    public String line(int line) {
        return lines.line(line);
    }

    /** The span of one character offset (clamped into the text). */
    public Span spanAt(int offset, int length) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lines.lineOf(clamped);
        return new Span(clamped, clamped + Math.max(0, length), line, clamped - lines.start(line) + 1);
    }
}
