package dev.qfl.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares program output with an expected text, allowing numbers to differ within a relative
 * tolerance: floating-point results of trained models differ in the last digits between CPUs and
 * libtorch builds, and a golden file must not break on that. Everything that is not a number must
 * match exactly (after trimming trailing spaces); table padding that moves with the width of a
 * number is ignored by comparing whitespace-separated tokens.
 */
final class GoldenText {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private GoldenText() {
    }

    /**
     * Replaces the cells of the named columns in every printed table by {@code *}: wall-clock
     * columns (train_s, predict_s) differ on every run and must not be compared.
     */
    static String maskColumns(String text, java.util.Set<String> columns) {
        StringBuilder out = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                ranges.clear();
            } else if (!ranges.isEmpty() && !line.startsWith("-") && !line.startsWith("(")) {
                StringBuilder masked = new StringBuilder(line);
                for (int[] r : ranges) {
                    int end = Math.min(r[1], masked.length());
                    for (int i = r[0]; i < end; i++) {
                        masked.setCharAt(i, i == end - 1 ? '*' : ' ');
                    }
                }
                line = masked.toString();
            } else {
                Matcher word = Pattern.compile("\\S+").matcher(line);
                List<int[]> found = new ArrayList<>();
                while (word.find()) {
                    if (columns.contains(word.group())) {
                        // numbers are right-aligned: the cell ends where the header word ends
                        int start = word.start() > 0 ? line.lastIndexOf(' ', word.start() - 1) + 1 : 0;
                        found.add(new int[] {Math.max(start, word.start() - 12), word.end()});
                    }
                }
                if (!found.isEmpty()) {
                    ranges.clear();
                    ranges.addAll(found);
                }
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** Null when {@code actual} matches {@code expected}, else a description of the first difference. */
    static String difference(String expected, String actual, double relativeTolerance) {
        List<String> e = tokens(expected);
        List<String> a = tokens(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            if (!same(e.get(i), a.get(i), relativeTolerance)) {
                return "token " + i + ": expected '" + e.get(i) + "' but got '" + a.get(i) + "' near: "
                        + String.join(" ", a.subList(Math.max(0, i - 8), Math.min(a.size(), i + 8)));
            }
        }
        if (e.size() != a.size()) {
            return "expected " + e.size() + " tokens, got " + a.size() + "; first extra: "
                    + (e.size() > a.size() ? e.get(a.size()) : a.get(e.size()));
        }
        return null;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.strip().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean same(String expected, String actual, double tol) {
        if (expected.equals(actual)) {
            return true;
        }
        Matcher me = NUMBER.matcher(expected);
        Matcher ma = NUMBER.matcher(actual);
        if (!me.matches() || !ma.matches()) {
            return false;
        }
        double x = Double.parseDouble(expected);
        double y = Double.parseDouble(actual);
        return Math.abs(x - y) <= tol * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }
}
