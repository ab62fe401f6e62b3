package dev.qfl.stdlib.models.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Closed-form forecast means and variances against the spread of paths simulated from the same model. */
class EtsVarianceTest {

    private static final int SEASON = 4;
    private static final int HORIZON = 2 * SEASON + 3; // past two seasons, where class 3 stops being simple
    private static final int PATHS = 40_000;

    /** A fitted-looking model with round parameters; error variance chosen so errors matter but stay small. */
    static EtsFit model(String code) {
        final EtsSpec spec = EtsFixtures.spec(code);
        final int m = spec.seasonal() ? SEASON : 1;
        final int start = spec.trend() ? 2 : 1;
        final double[] state = new double[start + (spec.seasonal() ? m : 0)];
        state[0] = 100.0;
        if (spec.trend()) {
            state[1] = 4.0;
        }
        final double[] additive = {-12.0, 3.0, 15.0, -6.0};
        final double[] multiplicative = {0.85, 1.05, 1.2, 0.9};
        for (int k = 0; k < (spec.seasonal() ? m : 0); k++) {
            state[start + k] = spec.season() == EtsSpec.Season.ADDITIVE ? additive[k] : multiplicative[k];
        }
        final double sigma2 = spec.multiplicativeError() ? 0.01 : 25.0;
        final EtsParameters parameters = new EtsParameters(0.4, spec.trend() ? 0.15 : Double.NaN,
                spec.seasonal() ? 0.3 : Double.NaN, spec.damped() ? 0.9 : Double.NaN, state);
        return new EtsFit(spec, m, parameters, state, sigma2, 0.0, 0.0, 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA",
            "MNM", "MAM", "MAdM"})
    void analyticMomentsMatchSimulatedPaths(String code) {
        final EtsFit fit = model(code);
        final double[] mean = fit.mean(HORIZON);
        final double[] variance = fit.variance(HORIZON);
        assertNotNull(variance, code + " has a closed-form variance");
        final double[][] paths = fit.paths(HORIZON, PATHS, new SplittableRandom(20261201L));
        for (int j = 0; j < HORIZON; j++) {
            double sum = 0.0;
            for (double[] path : paths) {
                sum += path[j];
            }
            final double sampleMean = sum / PATHS;
            double squares = 0.0;
            double fourth = 0.0;
            for (double[] path : paths) {
                final double d = path[j] - sampleMean;
                squares += d * d;
                fourth += d * d * d * d;
            }
            final double sampleVariance = squares / (PATHS - 1);
            // Standard errors of the sample mean and variance from the paths themselves (any tail weight).
            final double meanError = Math.sqrt(sampleVariance / PATHS);
            final double varianceError = Math.sqrt((fourth / PATHS - sampleVariance * sampleVariance) / PATHS);
            final String where = code + " step " + (j + 1);
            assertEquals(sampleMean, mean[j], 4.5 * meanError, where + " mean");
            assertEquals(sampleVariance, variance[j], 4.5 * varianceError, where + " variance");
        }
    }

    /** Simple exponential smoothing: var_h = sigma2 (1 + (h - 1) alpha^2), written out independently. */
    @Test
    void simpleSmoothingVarianceHasTheTextbookForm() {
        final EtsFit fit = model("ANN");
        final double[] variance = fit.variance(10);
        for (int h = 1; h <= 10; h++) {
            assertEquals(25.0 * (1 + (h - 1) * 0.4 * 0.4), variance[h - 1], 1e-9);
        }
    }

    /** Holt's linear method: var_h = sigma2 (1 + (h-1)(alpha^2 + alpha beta h + beta^2 h (2h - 1) / 6)). */
    @Test
    void holtVarianceHasTheTextbookForm() {
        final EtsFit fit = model("AAN");
        final double[] variance = fit.variance(10);
        final double a = 0.4;
        final double b = 0.15;
        for (int h = 1; h <= 10; h++) {
            final double expected = 25.0 * (1 + (h - 1) * (a * a + a * b * h + b * b * h * (2 * h - 1) / 6.0));
            assertEquals(expected, variance[h - 1], 1e-9 * expected);
        }
    }

    /** Paths are reproducible from the generator and start from the fitted state. */
    @Test
    void pathsAreReproducibleAndShaped() {
        final EtsFit fit = model("MAdM");
        final double[][] first = fit.paths(7, 5, new SplittableRandom(20261201L));
        final double[][] second = fit.paths(7, 5, new SplittableRandom(20261201L));
        assertEquals(5, first.length);
        assertEquals(7, first[0].length);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(first[i][j], second[i][j], 0.0);
            }
        }
    }
}
