package dev.qfl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a series or model declaration that is wider than {@link #WIDTH} columns between the
 * arguments of its call, continuing under the first argument:
 * <pre>
 * series sales = csv("data/promotions.csv", time: "date", value: "units", id: "sku",
 *                    covariates: ["promo"], static: ["category"], holidays: "US")
 * </pre>
 * Sources and models carry the long option lists, and they are written as one call, so breaking
 * there is where a person would break. A statement that breaking there cannot bring within the
 * width (one argument longer than the line, or a long {@code where} after the call) stays on one
 * line: half-wrapped text reads worse than a long line. Works on the formatted text, which only has line breaks inside brackets here, where
 * the grammar ignores them, so the wrapped statement parses to the same tree.
 */
final class LineWrapper {
    /** The widest line fmt writes when it can break. */
    static final int WIDTH = 100;

    private LineWrapper() {
    }

    static String wrap(String line) {
        if (line.length() <= WIDTH || line.indexOf('\n') >= 0 || !isDeclaration(line)) {
            return line;
        }
        int open = firstCallParen(line);
        if (open < 0) {
            return line;
        }
        List<Integer> commas = new ArrayList<>();
        int close = argumentCommas(line, open, commas);
        if (close < 0 || commas.isEmpty()) {
            return line;
        }
        String indent = " ".repeat(open + 1);
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        int pieceStart = 0;
        List<Integer> ends = new ArrayList<>(commas);
        ends.add(close);
        for (int end : ends) {
            // a piece is an argument with its comma (or the last one with the rest of the statement)
            int pieceEnd = end == close ? line.length() : end + 1;
            int width = (out.length() - lineStart) + (pieceEnd - pieceStart);
            if (pieceStart > open + 1 && width > WIDTH) {
                trimTrailingSpace(out);
                out.append('\n');
                lineStart = out.length();
                out.append(indent);
                pieceStart = skipSpace(line, pieceStart);
            }
            out.append(line, pieceStart, pieceEnd);
            pieceStart = pieceEnd;
        }
        String wrapped = out.toString();
        return wrapped.lines().allMatch(l -> l.length() <= WIDTH) ? wrapped : line;
    }

    /**
     * Only series and model declarations are broken: their calls hold the long option lists. A
     * question reads best on one line with its clauses; broken inside its call it would put
     * {@code using} and {@code where} on a continuation line far from the question.
     */
    private static boolean isDeclaration(String line) {
        return line.startsWith("series ") || line.startsWith("model ");
    }

    /** The '(' of the first call, outside strings; -1 when the statement has none. */
    private static int firstCallParen(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                return i;
            }
        }
        return -1;
    }

    /** Collects the commas between the call's arguments; returns its ')' or -1. */
    private static int argumentCommas(String line, int open, List<Integer> commas) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '(', '[' -> depth++;
                case ')', ']' -> {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
                case ',' -> {
                    if (depth == 1) {
                        commas.add(i);
                    }
                }
                default -> {
                }
            }
        }
        return -1;
    }

    private static int skipSpace(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
