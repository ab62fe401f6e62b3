package dev.qfl.stdlib.models.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/** Input checks, fallbacks, the admissible region and the information criterion. */
class EtsBehaviourTest {

    private static double[] seasonalSeries(int n, int m, double level, double amplitude, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + 0.3 * t + amplitude * Math.sin(2 * Math.PI * t / m) + 2.0 * random.nextGaussian();
        }
        return y;
    }

    @Test
    void unknownCodesAreRejectedWithTheReason() {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EtsOptions.defaults().withModel("AXN"));
        assertTrue(error.getMessage().contains("AXN"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EtsOptions.defaults().withModel("ANNN"));
        assertEquals("MAdM", Ets.fit(seasonalSeries(60, 4, 50, 5, 1), 4,
                EtsOptions.defaults().withModel("mAdM")).model());
    }

    @Test
    void multiplicativeModelsNeedPositiveData() {
        final double[] y = seasonalSeries(60, 4, 0, 5, 2);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ets.fit(y, 4, EtsOptions.defaults().withModel("MNN")));
        assertTrue(error.getMessage().contains("positive"), error.getMessage());
        assertFalse(Ets.fit(y, 4, EtsOptions.defaults()).spec().multiplicativeError(),
                "the search must not use multiplicative error on data with values <= 0");
    }

    @Test
    void seasonalModelsNeedTwoSeasons() {
        final double[] y = seasonalSeries(17, 12, 50, 5, 3);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ets.fit(y, 12, EtsOptions.defaults().withModel("ANA")));
        assertEquals("ets needs at least 2 seasons of data (24 points) for season 12; the series has 17",
                error.getMessage());
        assertFalse(Ets.fit(y, 12, EtsOptions.defaults()).spec().seasonal(), "the search drops the season");
        assertThrows(IllegalArgumentException.class, () -> Ets.fit(y, 1, EtsOptions.defaults().withModel("AAA")));
        assertThrows(IllegalArgumentException.class,
                () -> Ets.fit(seasonalSeries(60, 4, 50, 5, 4), 4, EtsOptions.defaults().withModel("ANM")));
    }

    @Test
    void longSeasonsAreIgnoredBySearchAndRejectedWhenNamed() {
        final double[] y = seasonalSeries(200, 52, 80, 10, 5);
        assertFalse(Ets.fit(y, 52, EtsOptions.defaults()).spec().seasonal());
        assertThrows(IllegalArgumentException.class, () -> Ets.fit(y, 52, EtsOptions.defaults().withModel("AAA")));
    }

    @Test
    void constantSeriesGetsAFiniteTinyVariance() {
        final double[] y = new double[30];
        java.util.Arrays.fill(y, 7.5);
        final EtsFit fit = Ets.fit(y, 12, EtsOptions.defaults());
        assertEquals("ETS(A,N,N)", fit.label());
        final double[] mean = fit.mean(5);
        final double[] variance = fit.variance(5);
        for (int h = 0; h < 5; h++) {
            assertEquals(7.5, mean[h], 1e-12);
            assertTrue(variance[h] > 0 && variance[h] < 1e-10, "variance " + variance[h]);
        }
        final double[][] paths = fit.paths(5, 3, new SplittableRandom(1));
        assertEquals(7.5, paths[2][4], 1e-6);
    }

    @Test
    void veryShortSeriesFallBackToSimpleModels() {
        final double[] y = {3.0, 4.5, 4.0, 5.5, 6.0};
        final EtsFit fit = Ets.fit(y, 4, EtsOptions.defaults());
        assertFalse(fit.spec().seasonal());
        assertTrue(fit.sigma2() > 0 && Double.isFinite(fit.mean(3)[2]) && Double.isFinite(fit.variance(3)[2]));
        assertThrows(IllegalArgumentException.class, () -> Ets.fit(y, 1, EtsOptions.defaults().withModel("AAdN")));
        final EtsFit single = Ets.fit(new double[] {2.0}, 1, EtsOptions.defaults());
        assertEquals(2.0, single.mean(1)[0], 0.0);
    }

    @Test
    void fittedParametersRespectTheBoundsAndAiccFollowsTheLikelihood() {
        final double[] y = seasonalSeries(120, 12, 200, 20, 6);
        for (String code : new String[] {"AAdA", "MAM", "MNA", "AAdN"}) {
            final EtsFit fit = Ets.fit(y, 12, EtsOptions.defaults().withModel(code));
            final EtsParameters p = fit.parameters();
            assertTrue(p.alpha() >= 1e-4 && p.alpha() <= 0.9999, code);
            if (fit.spec().trend()) {
                assertTrue(p.beta() >= 1e-4 && p.beta() <= p.alpha(), code);
            }
            if (fit.spec().seasonal()) {
                assertTrue(p.gamma() >= 1e-4 && p.gamma() <= 1 - p.alpha(), code);
            }
            if (fit.spec().damped()) {
                assertTrue(p.phi() >= 0.8 && p.phi() <= 0.98, code);
            }
            // parameters: smoothing + level + slope + (m - 1) free seasonal terms + sigma
            final int k = fit.spec().smoothingCount() + 1 + (fit.spec().trend() ? 1 : 0)
                    + (fit.spec().seasonal() ? 11 : 0) + 1;
            final int n = y.length;
            assertEquals(-2 * fit.logLikelihood() + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1), fit.aicc(), 1e-9, code);
        }
    }

    /** The Schur–Cohn test agrees with the moduli of the roots Commons Math's Laguerre solver finds. */
    @Test
    void rootTestAgreesWithALaguerreSolver() {
        final SplittableRandom random = new SplittableRandom(7);
        int inside = 0;
        for (int trial = 0; trial < 400; trial++) {
            final int degree = 2 + random.nextInt(12);
            final double[] coefficients = new double[degree + 1];
            for (int k = 0; k < degree; k++) {
                coefficients[k] = (random.nextDouble() - 0.5) * (trial % 2 == 0 ? 0.6 : 1.6);
            }
            coefficients[degree] = 1.0;
            final Complex[] roots = new LaguerreSolver().solveAllComplex(coefficients, 0.0);
            double largest = 0.0;
            for (Complex root : roots) {
                largest = Math.max(largest, root.abs());
            }
            if (Math.abs(largest - 1.0) < 1e-6) {
                continue;
            }
            final double[] work = new double[2 * (degree + 1)];
            System.arraycopy(coefficients, 0, work, 0, degree + 1);
            final boolean expected = largest < 1.0;
            assertEquals(expected, EtsBounds.rootsInsideDisc(work, degree, 1.0),
                    new PolynomialFunction(coefficients) + " largest root modulus " + largest);
            inside += expected ? 1 : 0;
        }
        assertTrue(inside > 40 && inside < 360, "both outcomes should be exercised: " + inside);
    }

    /** R's defaults: nothing outside [0.8, 0.98] for phi, and a search without damping never damps. */
    @Test
    void searchOptionsAreHonoured() {
        final double[] y = seasonalSeries(80, 4, 100, 8, 8);
        final EtsFit undamped = Ets.fit(y, 4, new EtsOptions("auto", false, false, 2000));
        assertFalse(undamped.spec().damped());
        assertFalse(undamped.spec().multiplicativeError());
        assertTrue(undamped.spec().season() != EtsSpec.Season.MULTIPLICATIVE);
    }

    /**
     * Awkward inputs (extreme scales, zeros, a step, exactly two or three seasons, an outlier) still give
     * finite means and positive finite variances, searched or named.
     */
    @Test
    void awkwardSeriesGiveFiniteForecasts() {
        final double[][] inputs = {
            scaled(seasonalSeries(24, 12, 50, 5, 9), 1.0),      // exactly two seasons: Fourier start
            scaled(seasonalSeries(36, 12, 50, 5, 10), 1.0),     // exactly three: decomposition start
            scaled(seasonalSeries(60, 4, 50, 5, 11), 1e12),
            scaled(seasonalSeries(60, 4, 50, 5, 12), 1e-9),
            withZeros(seasonalSeries(48, 4, 3, 5, 13)),
            step(80),
            outlier(seasonalSeries(72, 12, 100, 10, 14)),
        };
        final int[] seasons = {12, 12, 4, 4, 4, 1, 12};
        for (int i = 0; i < inputs.length; i++) {
            for (String code : new String[] {"auto", "AAdN", "ANN"}) {
                final EtsFit fit = Ets.fit(inputs[i], seasons[i], EtsOptions.defaults().withModel(code));
                final double[] mean = fit.mean(8);
                final double[] variance = fit.variance(8);
                for (int h = 0; h < 8; h++) {
                    assertTrue(Double.isFinite(mean[h]), "input " + i + " " + fit.label() + " mean " + mean[h]);
                    assertTrue(variance[h] > 0 && Double.isFinite(variance[h]),
                            "input " + i + " " + fit.label() + " variance " + variance[h]);
                }
            }
        }
    }

    private static double[] scaled(double[] y, double factor) {
        final double[] out = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            out[t] = y[t] * factor;
        }
        return out;
    }

    private static double[] withZeros(double[] y) {
        final double[] out = y.clone();
        for (int t = 0; t < out.length; t += 5) {
            out[t] = 0.0;
        }
        return out;
    }

    private static double[] step(int n) {
        final double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = t < n / 2 ? 10.0 : 25.0;
        }
        return out;
    }

    private static double[] outlier(double[] y) {
        final double[] out = y.clone();
        out[out.length / 2] *= 20;
        return out;
    }

    /** A typical monthly series of about 200 points, search included, fits quickly (generous bound for shared CI). */
    @Test
    void monthlySearchIsFast() {
        final EtsFixtures.Series series = EtsFixtures.load("sk_uk_drivers_ksi");
        Ets.fit(series.y(), 12, EtsOptions.defaults()); // warm-up
        final long start = System.nanoTime();
        Ets.fit(series.y(), 12, EtsOptions.defaults());
        final double millis = (System.nanoTime() - start) / 1e6;
        assertTrue(millis < 2000, "took " + millis + " ms");
    }
}
