package dev.qfl.check;

import dev.qfl.grammar.QflLexer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** "did you mean" hints: the closest candidate within a small edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate to {@code word}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return nearest(word, candidates).filter(best -> distance(word.toLowerCase(java.util.Locale.ROOT),
                best.toLowerCase(java.util.Locale.ROOT)) <= allowed);
    }

    /**
     * The candidate closest to {@code word} however far it is (ties: the first), for messages that
     * name the nearest real value rather than guess at a typo; empty only without candidates.
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** QFL's keywords (the lexer's literal words: using, where, and, ...), for misspelt-keyword hints. */
    private static final List<String> KEYWORDS = IntStream.range(0, QflLexer.VOCABULARY.getMaxTokenType() + 1)
            .mapToObj(QflLexer.VOCABULARY::getLiteralName).filter(java.util.Objects::nonNull)
            .map(w -> w.substring(1, w.length() - 1)).filter(w -> w.chars().allMatch(Character::isLetter)).toList();

    /** The keyword {@code word} is probably a typo of ({@code usin} → {@code using}), if any. */
    public static Optional<String> keyword(String word) {
        return KEYWORDS.contains(word) ? Optional.empty() : closest(word, KEYWORDS);
    }

    /** A hint sentence, e.g. {@code did you mean 'season'?}, or null. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
