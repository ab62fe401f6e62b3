package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Panel#withFutureCovariate}: only the planned steps of one covariate change. */
class PanelWhatIfTest {
    private static Panel panel() {
        // 3 observed days, 2 planned: price 10, 10, 12 | 12, 14; promo 0, 1, 0 | 1, 0
        Covariates c = new Covariates(new double[][] {{10, 10, 12, 12, 14}, {0, 1, 0, 1, 0}}, new double[0][],
                List.of(), 2);
        TimeSeries s = new TimeSeries("a", Frequency.DAY, LocalDateTime.of(2024, 1, 1, 0, 0), new double[] {5, 6, 7},
                new boolean[] {true, true, true}, c);
        return new Panel("sales", Frequency.DAY, List.of(s), Support.NONNEGATIVE, "fp", "test", null,
                new CovariateSpec(List.of("price", "promo"), List.of(), List.of(), null));
    }

    @Test
    void theFutureOfOneCovariateChangesAndNothingElse() {
        Panel before = panel();
        Panel after = before.withFutureCovariate("price", x -> x * 0.5, "price * 0.5");
        Covariates c = after.series().get(0).covariates();
        assertArrayEquals(new double[] {10, 10, 12, 6, 7}, c.dynamic()[0]);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0}, c.dynamic()[1]);
        assertArrayEquals(new double[] {5, 6, 7}, after.series().get(0).values());
        assertEquals(2, c.futureSteps());
        assertArrayEquals(new double[] {10, 10, 12, 12, 14}, before.series().get(0).covariates().dynamic()[0]);
    }

    @Test
    void aWhatIfPanelIsKnownForOneOfTheFittedPanelWithItsOwnFingerprint() {
        Panel before = panel();
        Panel after = before.withFutureCovariate("promo", x -> 1, "1");
        assertNotEquals(before.fingerprint(), after.fingerprint());
        assertTrue(after.isWhatIfOf(before.fingerprint()));
        assertFalse(before.isWhatIfOf(before.fingerprint()));
        assertFalse(after.isWhatIfOf("other"));
    }

    @Test
    void aNameThatIsNoDynamicCovariateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> panel().withFutureCovariate("cost", x -> x, "1"));
    }
}
