package dev.qfl.stdlib.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each line of a text starts, so a character offset becomes a 1-based line and column and a
 * line can be quoted in a diagnostic. Shared by scripts and data files.
 */
public final class LineIndex {
    private final String text;
    private final int[] starts;

    public LineIndex(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                s.add(i + 1);
            }
        }
        this.starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    public int lineCount() {
        return starts.length;
    }

    /** The 1-based line holding {@code offset}. */
    public int lineOf(long offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int start(int line) {
        return starts[line - 1];
    }

    /** The text of a 1-based line without its line break; empty when out of range. */
    public String line(int line) {
        if (line < 1 || line > starts.length) {
            return "";
        }
        int to = line < starts.length ? starts[line] : text.length();
        return text.substring(starts[line - 1], to).replaceAll("\\r?\\n$", "");
    }
}
