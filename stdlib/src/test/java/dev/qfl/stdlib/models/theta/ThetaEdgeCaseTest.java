package dev.qfl.stdlib.models.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Inputs a user can give: constant, short, negative, with zeros; options; speed. */
class ThetaEdgeCaseTest {

    private static void assertAllFinite(ThetaFit fit, int horizon) {
        for (double v : fit.mean(horizon)) {
            assertTrue(Double.isFinite(v), fit + " mean");
        }
        for (double v : fit.variance(horizon)) {
            assertTrue(Double.isFinite(v) && v >= 0, fit + " variance");
        }
        for (double[] path : fit.paths(horizon, 20, new SplittableRandom(1))) {
            for (double v : path) {
                assertTrue(Double.isFinite(v), fit + " path");
            }
        }
    }

    @Test
    void constantSeriesForecastsItsValueWithZeroVariance() {
        double[] y = new double[30];
        Arrays.fill(y, 7.25);
        ThetaFit fit = Theta.fit(y, 12, ThetaOptions.defaults());
        assertEquals("Theta(STM)", fit.label());
        for (double v : fit.mean(13)) {
            assertEquals(7.25, v, 1e-12);
        }
        for (double v : fit.variance(13)) {
            assertEquals(0, v, 0);
        }
        for (double[] path : fit.paths(13, 3, new SplittableRandom(1))) {
            for (double v : path) {
                assertEquals(7.25, v, 1e-12);
            }
        }
        double[] zeros = new double[10];
        assertAllFinite(Theta.fit(zeros, 1, ThetaOptions.defaults()), 5);
        assertEquals(0, Theta.fit(zeros, 1, ThetaOptions.defaults()).mean(3)[2], 0);
    }

    @Test
    void tooShortSeriesIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Theta.fit(new double[] {1, 2, 3}, 1, ThetaOptions.defaults()));
        assertEquals("theta needs at least 4 points; the series has 3", e.getMessage());
        assertAllFinite(Theta.fit(new double[] {1, 2.5, 2, 4}, 1, ThetaOptions.defaults()), 4);
    }

    @Test
    void veryShortSeriesKeepAPositiveVariance() {
        double[] y = {3.1, 2.4, 3.9, 3.3, 4.6, 4.1, 5.2};
        for (int n = 4; n <= 7; n++) {
            double[] head = Arrays.copyOf(y, n);
            ThetaFit fit = Theta.fit(head, 1, ThetaOptions.defaults());
            assertAllFinite(fit, 6);
            assertTrue(fit.variance(1)[0] > 0.01, n + " points: " + fit);
            // 1 or 2 counted errors: STM only; 3: the models without θ; from 4 on every variant
            if (n <= 5) {
                assertEquals(ThetaVariant.STM, fit.variant(), n + " points");
            } else if (n == 6) {
                assertFalse(fit.variant().estimatesTheta(), n + " points");
            }
            for (String variant : new String[] {"OTM", "DOTM"}) {
                ThetaFit forced = Theta.fit(head, 1, ThetaOptions.defaults().withVariant(variant));
                assertTrue(forced.variance(1)[0] > 0.01, n + " points, " + variant + ": " + forced);
            }
        }
    }

    @Test
    void shortSeasonalSeriesFallsBackToNonSeasonal() {
        double[] y = Arrays.copyOf(ThetaFixtures.series("sk_uk_drivers_ksi"), 20);
        ThetaFit fit = Theta.fit(y, 12, ThetaOptions.defaults());
        assertEquals("none", fit.decomposition());
        assertAllFinite(fit, 12);
    }

    @Test
    void nonPositiveSeasonalDataUseAdditiveDecomposition() {
        // beer production shifted below zero keeps its season; a ratio to a trend through zero would not
        double[] beer = ThetaFixtures.series("pm_ausbeer");
        double[] shifted = new double[beer.length];
        for (int t = 0; t < beer.length; t++) {
            shifted[t] = beer[t] - 400;
        }
        assertTrue(Arrays.stream(shifted).min().getAsDouble() < 0);
        ThetaFit fit = Theta.fit(shifted, 4, ThetaOptions.defaults());
        assertEquals("additive", fit.decomposition());
        assertAllFinite(fit, 8);
        double[] withZero = beer.clone();
        withZero[10] = 0;
        assertEquals("additive", Theta.fit(withZero, 4, ThetaOptions.defaults()).decomposition());
        assertEquals("none", Theta.fit(beer, 4, ThetaOptions.defaults().withDecomposition("none")).decomposition());
        assertEquals("multiplicative", Theta.fit(beer, 4, ThetaOptions.defaults()).decomposition());
    }

    @Test
    void invalidInputsAreUserErrors() {
        double[] y = {1, 2, 3, 4, 5};
        assertThrows(IllegalArgumentException.class, () -> Theta.fit(y, 0, ThetaOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Theta.fit(new double[] {1, 2, Double.NaN, 4, 5}, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new ThetaOptions("XTM", "multiplicative", "model"));
        assertThrows(IllegalArgumentException.class, () -> new ThetaOptions("auto", "logarithmic", "model"));
        assertThrows(IllegalArgumentException.class, () -> new ThetaOptions("OTM", "multiplicative", "ses"));
        ThetaFit fit = Theta.fit(y, 1, null);
        assertThrows(IllegalArgumentException.class, () -> fit.mean(0));
        assertThrows(IllegalArgumentException.class, () -> fit.paths(3, 0, new SplittableRandom(1)));
        assertEquals(new ThetaOptions("auto", "multiplicative", "model"), ThetaOptions.defaults());
        assertEquals("DOTM", new ThetaOptions("dotm", null, null).variant());
    }

    @Test
    void yearlySeriesAreNeverAdjusted() {
        ThetaFit fit = Theta.fit(ThetaFixtures.series("sm_nile"), 1, ThetaOptions.defaults());
        assertEquals("none", fit.decomposition());
        assertFalse(fit.label().isEmpty());
    }

    @Test
    void aMonthlySeriesOfTwoHundredPointsFitsQuickly() {
        double[] y = Arrays.copyOf(ThetaFixtures.series("sm_elec_equip"), 200);
        for (int i = 0; i < 20; i++) {
            Theta.fit(y, 12, ThetaOptions.defaults());
        }
        int repeats = 50;
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            Theta.fit(y, 12, ThetaOptions.defaults()).mean(12);
        }
        double millis = (System.nanoTime() - start) / 1e6 / repeats;
        System.out.printf("theta auto fit of 200 monthly points: %.2f ms%n", millis);
        assertTrue(millis < 20, "theta auto fit took " + millis + " ms");
    }
}
