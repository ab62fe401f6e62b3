package dev.qfl.fuzz;

import dev.qfl.grammar.QflLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Makes damaged variants of a script, token by token, the way an attacker (or a careless edit)
 * would: tokens deleted, duplicated, swapped or replaced (numbers by extreme values, names by
 * other names and NaN-like words, strings by odd paths and dates), the text cut short, brackets
 * and operators inserted, and expressions nested or chained far beyond any real script.
 * Deterministic: the same source and random generator give the same mutant.
 */
public final class Mutator {
    private static final String[] NUMBERS = {"0", "-1", "1", "1e309", "1e-400", "99999999999", "0.0000001", "1e308",
        "-0", "2147483648", "9223372036854775808", "0.999999999999", "1.5", "1e-9999", "100000", "0.5", "7",
        "1e999999999", "1e-999999999", "0.95", "14", "3"};
    private static final String[] WORDS = {"NaN", "nan", "Infinity", "inf", "null", "horizon", "level", "id", "date",
        "value", "threshold", "demand", "step", "all", "month", "day", "week", "true", "false", "quantile", "sum",
        "naive", "iq", "x", "csv", "load", "seasonal_naive", "iqf", "ensemble", "auto", "fan", "sample", "correlation",
        "interval", "service", "tradeoff", "newsvendor", "probability", "windows", "metrics", "coverage", "season",
        "weights", "fill", "freq", "until", "append", "overwrite", "backtest", "independence"};
    private static final String[] STRINGS = {"\"\"", "\"x\"", "\"nope.csv\"", "\"data/retail.csv\"", "\"out/x.csv\"",
        "\"out/x.json\"", "\"out/x.png\"", "\"out/x.svg\"", "\"out/x.txt\"", "\"2024-02-30\"", "\"2024-06-30\"",
        "\"A-17\"", "\"\\\\\"", "\"date\"", "\"units\"", "\"\u00ff\u2603\"", "\"out/\"", "\"data\"", "\"models/x.qflm\"",
        "\"9999-12-31\"", "\"0000-01-01\"", "\"NaN\"", "\"A-17\"", "\"C-09\""};
    private static final String[] INSERTS = {"(", ")", "[", "]", ",", ":", "..", "+", "-", "*", "/", "==", "!=", "<=",
        ">", " and ", " or ", " not ", " in ", " where ", " using ", " step ", " over ", " assuming independence ",
        " to ", "=", ";", "#", "\"", "\n", " let ", " model ", " fit ", " export ", " plot ", " save ", " evaluate ",
        " on ", "10m", "0s", "@", "\\"};
    /** Depths of generated nesting: some accepted, some beyond the nesting limit. */
    private static final int[] DEPTHS = {3, 60, 180, 400, 1100, 5000};

    private Mutator() {
    }

    /** A token of the source: its text, and whether it is white space or a comment. */
    private record Piece(String text, int type) {
        boolean hidden() {
            return type == QflLexer.WS || type == QflLexer.COMMENT;
        }
    }

    /** One to three mutations of {@code source}. */
    public static String mutate(String source, SplittableRandom random) {
        List<Piece> pieces = tokens(source);
        int roll = random.nextInt(10);
        int edits = roll < 6 ? 1 : roll < 9 ? 2 : 3; // mostly one: many single edits still parse and check
        for (int e = 0; e < edits; e++) {
            pieces = mutateOnce(pieces, random);
        }
        StringBuilder sb = new StringBuilder();
        pieces.forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    private static List<Piece> tokens(String source) {
        QflLexer lexer = new QflLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        List<Piece> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(new Piece(t.getText(), t.getType()));
        }
        return out;
    }

    private static List<Piece> mutateOnce(List<Piece> in, SplittableRandom random) {
        List<Piece> p = new ArrayList<>(in);
        List<Integer> visible = indices(p, t -> !t.hidden());
        if (visible.isEmpty()) {
            p.add(piece(pick(INSERTS, random)));
            return p;
        }
        int at = visible.get(random.nextInt(visible.size()));
        Piece target = p.get(at);
        // Half the mutations keep the grammar (a value replaced by another of its kind), so that
        // many mutants get past the parser and exercise the checker and the run; the other half
        // break the structure.
        switch (random.nextInt(14)) {
            case 0 -> p.remove(at);
            case 1 -> p.add(at, target);
            case 2 -> {
                int other = visible.get(random.nextInt(visible.size()));
                p.set(at, p.get(other));
                p.set(other, target);
            }
            case 3 -> p.subList(at, p.size()).clear();
            case 4 -> p.add(at, piece(pick(INSERTS, random)));
            case 5, 6 -> replaceOne(p, QflLexer.NUMBER, NUMBERS, random);
            case 7, 8 -> replaceOne(p, QflLexer.IDENTIFIER, WORDS, random);
            case 9 -> replaceOne(p, QflLexer.STRING, STRINGS, random);
            case 10 -> wrapOperand(p, random, true);
            case 11 -> wrapOperand(p, random, false);
            case 12 -> duplicateLine(p, at);
            default -> p.set(at, piece(replacementFor(target, random)));
        }
        return p;
    }

    private static List<Integer> indices(List<Piece> p, java.util.function.Predicate<Piece> which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (which.test(p.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** Replaces one token of the given type (if there is one) by one of {@code options}. */
    private static void replaceOne(List<Piece> p, int type, String[] options, SplittableRandom random) {
        List<Integer> candidates = indices(p, t -> t.type() == type);
        if (!candidates.isEmpty()) {
            p.set(candidates.get(random.nextInt(candidates.size())), piece(pick(options, random)));
        }
    }

    /** Nests or chains a value (a number, name or string), where an expression is likely to be valid. */
    private static void wrapOperand(List<Piece> p, SplittableRandom random, boolean nest) {
        List<Integer> candidates = indices(p, t -> t.type() == QflLexer.NUMBER || t.type() == QflLexer.IDENTIFIER
                || t.type() == QflLexer.STRING);
        if (!candidates.isEmpty()) {
            int at = candidates.get(random.nextInt(candidates.size()));
            String text = p.get(at).text();
            p.set(at, piece(nest ? nested(text, random) : chained(text, random)));
        }
    }

    /** Numbers by extreme numbers, names by other names, strings by other strings. */
    private static String replacementFor(Piece target, SplittableRandom random) {
        return switch (target.type()) {
            case QflLexer.NUMBER, QflLexer.DURATION -> pick(NUMBERS, random);
            case QflLexer.STRING -> pick(STRINGS, random);
            case QflLexer.IDENTIFIER -> pick(WORDS, random);
            default -> pick(INSERTS, random).strip();
        };
    }

    /** The token wrapped in brackets, calls, lists, negations or {@code not}s, many levels deep. */
    private static String nested(String text, SplittableRandom random) {
        int depth = DEPTHS[random.nextInt(DEPTHS.length)];
        String[][] shapes = {{"(", ")"}, {"f(", ")"}, {"[", "]"}, {"-", ""}, {"not ", ""}, {"sum(", " over horizon 1..2)"}};
        String[] shape = shapes[random.nextInt(shapes.length)];
        return shape[0].repeat(depth) + text + shape[1].repeat(depth);
    }

    /** The token repeated in a long chain of one operator: {@code x and x and x ...}. */
    private static String chained(String text, SplittableRandom random) {
        int length = DEPTHS[random.nextInt(DEPTHS.length)];
        String[] ops = {" and ", " or ", " + ", " - ", " * ", " / ", ", "};
        String op = ops[random.nextInt(ops.length)];
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < length; i++) {
            sb.append(op).append(text);
        }
        return sb.toString();
    }

    /** Repeats the line holding token {@code at} right after it (a statement declared twice, say). */
    private static void duplicateLine(List<Piece> p, int at) {
        int start = at;
        while (start > 0 && !p.get(start - 1).text().contains("\n")) {
            start--;
        }
        int end = at;
        while (end < p.size() && !p.get(end).text().contains("\n")) {
            end++;
        }
        List<Piece> line = new ArrayList<>(p.subList(start, Math.min(end + 1, p.size())));
        if (line.isEmpty() || !line.get(line.size() - 1).text().contains("\n")) {
            line.add(piece("\n"));
        }
        p.addAll(Math.min(end + 1, p.size()), line);
    }

    private static Piece piece(String text) {
        return new Piece(text, -1);
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }
}
