package dev.qfl.stdlib.models.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.models.local.ToyKinds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsembleKindTest {

    @Test
    void theSpecKeepsWhatTheMembersNeedToBeResolvedAgain() {
        // neither member names a season: it follows from the data's frequency, which the spec must keep
        EnsembleKind kind = new EnsembleKind(List.of(
                new EnsembleKind.Member("w", new ToyKinds.Walk(), Map.of("horizon", 4)),
                new EnsembleKind.Member("l", new ToyKinds.Level(), Map.of("horizon", 4))), new double[] {1, 3});
        ModelSpec spec = kind.resolve(Map.of(), Frequency.MONTH);
        assertEquals(4, spec.horizon());
        assertEquals(List.of(0.25, 0.75), spec.option("weights").orElseThrow());
        assertEquals(3, kind.minimumLength(spec));
    }

    @Test
    void membersWithDifferentHorizonsAreRefused() {
        EnsembleKind kind = new EnsembleKind(List.of(
                new EnsembleKind.Member("w", new ToyKinds.Walk(), Map.of("horizon", 4)),
                new EnsembleKind.Member("l", new ToyKinds.Level(), Map.of("horizon", 5))), new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> kind.resolve(Map.of(), Frequency.MONTH));
    }
}
