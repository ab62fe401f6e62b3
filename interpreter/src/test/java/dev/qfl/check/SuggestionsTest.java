package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void findsLikelyTyposOnly() {
        List<String> options = List.of("horizon", "season", "context", "knots");
        assertEquals(Optional.of("season"), Suggestions.closest("seasn", options));
        assertEquals(Optional.of("horizon"), Suggestions.closest("hroizon", options));
        assertEquals(Optional.of("knots"), Suggestions.closest("Knots", options));
        assertEquals(Optional.empty(), Suggestions.closest("xyz", options));
        assertEquals(Optional.empty(), Suggestions.closest("learning_rate", options));
    }

    @Test
    void distanceCountsTranspositionsAsOneEdit() {
        assertEquals(1, Suggestions.distance("ab", "ba"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("", ""));
    }
}
