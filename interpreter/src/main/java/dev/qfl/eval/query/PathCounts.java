package dev.qfl.eval.query;

import java.util.SortedSet;

/** How the answers from joint sample paths say where their paths came from. */
final class PathCounts {
    /** Fresh paths drawn per series from independent marginals (a joint model's stored paths are all used). */
    static final int PATHS = 2000;

    private PathCounts() {
    }

    /** Where the paths came from, for the answer's note. */
    static String how(boolean independent) {
        return independent ? "each step's forecast drawn independently (assuming independence)"
                : "the model's joint distribution";
    }

    /** "2000", or "500 to 2000" when series differ. */
    static String describe(SortedSet<Integer> counts, int fallback) {
        if (counts.isEmpty()) {
            return String.valueOf(fallback);
        }
        return counts.size() == 1 ? String.valueOf(counts.first()) : counts.first() + " to " + counts.last();
    }
}
