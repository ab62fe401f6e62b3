package dev.qfl.stdlib.models.naive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonalNaiveKindTest {
    private final SeasonalNaiveKind kind = new SeasonalNaiveKind();

    @Test
    void seasonDefaultsToTheFrequencysUsualSeason() {
        int[] expected = {24, 7, 52, 12, 4, 1};
        Frequency[] frequencies = {Frequency.HOUR, Frequency.DAY, Frequency.WEEK, Frequency.MONTH,
                Frequency.QUARTER, Frequency.YEAR};
        for (int i = 0; i < frequencies.length; i++) {
            ModelSpec spec = kind.resolve(Map.of("horizon", 3), frequencies[i]);
            assertEquals(expected[i], spec.intOption("season"), frequencies[i].keyword());
            assertEquals(3, spec.horizon());
        }
    }

    @Test
    void explicitSeasonWinsAndTheSpecIsCanonical() {
        ModelSpec spec = kind.resolve(Map.of("horizon", 14L, "season", 28), Frequency.DAY);
        assertEquals("seasonal_naive(horizon: 14, season: 28)", spec.canonical());
        assertEquals(spec, kind.resolve(Map.of("season", 28.0, "horizon", 14), Frequency.DAY));
    }

    @Test
    void minimumLengthCoversHorizonAndSeason() {
        assertEquals(15, kind.minimumLength(kind.resolve(Map.of("horizon", 14), Frequency.DAY)));
        assertEquals(13, kind.minimumLength(kind.resolve(Map.of("horizon", 3), Frequency.MONTH)));
        assertEquals(25, kind.minimumLength(kind.resolve(Map.of("horizon", 24, "season", 12), Frequency.MONTH)));
    }

    @Test
    void badOptionsAreRejectedWithASentence() {
        assertMessage("needs a horizon", Map.of("season", 7));
        assertMessage("must lie in 1..10000", Map.of("horizon", 0));
        assertMessage("must lie in 1..10000", Map.of("horizon", 10_001));
        assertMessage("must lie in 1..10000", Map.of("horizon", 5, "season", -1));
        assertMessage("must be a whole number", Map.of("horizon", 5, "season", 2.5));
        assertMessage("must be a whole number", Map.of("horizon", "five"));
        assertMessage("has no option 'context'", Map.of("horizon", 5, "context", 20));
        Map<String, Object> noFrequency = new HashMap<>(Map.of("horizon", 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.resolve(noFrequency, null));
        assertTrue(e.getMessage().contains("needs a season"));
    }

    private void assertMessage(String expected, Map<String, Object> given) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.resolve(given, Frequency.DAY));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void optionsDescribeTheContract() {
        OptionSpec horizon = kind.options().get(0);
        assertEquals("horizon", horizon.name());
        assertEquals(OptionType.INTEGER, horizon.type());
        assertTrue(horizon.required());
        assertEquals(1.0, horizon.min());
        assertEquals(10_000.0, horizon.max());
        OptionSpec season = kind.options().get(1);
        assertEquals("season", season.name());
        assertFalse(season.required());
        assertNull(season.defaultValue());
        assertTrue(season.defaultText().contains("7 daily"));
        assertEquals(1.0, season.min());
        assertFalse(kind.neural());
        assertFalse(kind.joint());
    }

    @Test
    void theStandardRegistryShipsIt() {
        assertTrue(ModelRegistry.standard().find("seasonal_naive").orElseThrow() instanceof SeasonalNaiveKind);
    }
}
