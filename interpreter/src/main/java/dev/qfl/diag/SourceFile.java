package dev.qfl.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Script text with a name (a path as the user wrote it, or {@code <repl>}) and a line index, so
 * diagnostics can quote the offending line.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line, without its line break; empty when out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int from = lineStarts[line - 1];
        int to = line < lineStarts.length ? lineStarts[line] : text.length();
        String s = text.substring(from, to);
        return s.replaceAll("\\r?\\n$", "");
    }

    /** The span of one character offset (clamped into the text). */
    public Span spanAt(int offset, int length) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        return new Span(clamped, clamped + Math.max(0, length), line, clamped - lineStarts[line - 1] + 1);
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
