package dev.qfl.stdlib.models.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Forecast mean, analytic variance and sample paths. */
class ThetaForecastTest {

    private static final ThetaOptions UNADJUSTED = ThetaOptions.defaults().withDecomposition("none");

    @Test
    void staticMeanFollowsTheClosedForm() {
        // Fiorucci et al. (2016): ŷ(n+h) = ℓ_n + (1 − 1/θ)·[(1−α)^n·A + (h − 1 + (1 − (1−α)^(n+1))/α)·B]
        for (String variant : new String[] {"STM", "OTM"}) {
            double[] y = ThetaFixtures.series("sm_fertility_jpn");
            ThetaFit fit = Theta.fit(y, 1, UNADJUSTED.withVariant(variant));
            ThetaModel.State s = fit.model().state();
            double alpha = fit.alpha();
            double q = 1 - alpha;
            double k = 1 - 1 / fit.theta();
            int n = y.length;
            double[] mean = fit.mean(10);
            for (int h = 1; h <= 10; h++) {
                double expected = s.level() + k * (Math.pow(q, n) * s.a() + (h - 1 + (1 - Math.pow(q, n + 1)) / alpha) * s.b());
                assertEquals(expected, mean[h - 1], 1e-10 * Math.abs(expected), variant + " h=" + h);
            }
        }
    }

    @Test
    void staticVarianceIsSimpleExponentialSmoothingsVariance() {
        for (String variant : new String[] {"STM", "OTM"}) {
            ThetaFit fit = Theta.fit(ThetaFixtures.series("sm_nile"), 1, UNADJUSTED.withVariant(variant));
            double[] variance = fit.variance(8);
            for (int h = 1; h <= 8; h++) {
                double expected = fit.sigma2() * (1 + (h - 1) * fit.alpha() * fit.alpha());
                assertEquals(expected, variance[h - 1], 1e-12 * expected, variant + " h=" + h);
            }
        }
    }

    @Test
    void analyticVarianceMatchesSimulatedPaths() {
        // a short series, where the dynamic variants' refitted trend line adds visibly to the variance
        double[] shortSeries = Arrays.copyOf(ThetaFixtures.series("sm_fertility_jpn"), 12);
        int horizon = 12;
        int count = 40_000;
        boolean dynamicDiffersFromSes = false;
        for (ThetaVariant variant : ThetaVariant.values()) {
            ThetaFit fit = Theta.fit(shortSeries, 1, UNADJUSTED.withVariant(variant.name()));
            checkAgainstPaths(fit, horizon, count, new SplittableRandom(42), variant.name());
            double ses = fit.sigma2() * (1 + (horizon - 1) * fit.alpha() * fit.alpha());
            if (variant.dynamic() && Math.abs(fit.variance(horizon)[horizon - 1] / ses - 1) > 0.1) {
                dynamicDiffersFromSes = true;
            }
        }
        assertTrue(dynamicDiffersFromSes, "the short series should make the dynamic variance differ from SES's");
        // and with multiplicative seasonal indices put back on every path
        ThetaFit seasonal = Theta.fit(ThetaFixtures.series("pm_ausbeer"), 4, ThetaOptions.defaults().withVariant("DOTM"));
        assertEquals("multiplicative", seasonal.decomposition());
        checkAgainstPaths(seasonal, 8, count, new SplittableRandom(7), "seasonal DOTM");
    }

    private static void checkAgainstPaths(ThetaFit fit, int horizon, int count, RandomGenerator random, String what) {
        double[] mean = fit.mean(horizon);
        double[] variance = fit.variance(horizon);
        double[][] paths = fit.paths(horizon, count, random);
        for (int j = 0; j < horizon; j++) {
            double sum = 0;
            for (double[] path : paths) {
                sum += path[j];
            }
            double pathMean = sum / count;
            double squares = 0;
            for (double[] path : paths) {
                squares += (path[j] - pathMean) * (path[j] - pathMean);
            }
            double pathVariance = squares / (count - 1);
            double standardError = Math.sqrt(variance[j] / count);
            assertEquals(mean[j], pathMean, 5 * standardError, what + " mean at h=" + (j + 1));
            // the sample variance of 40,000 normal draws is within 5 standard errors (3.5%) of the truth
            assertEquals(variance[j], pathVariance, 0.035 * variance[j], what + " variance at h=" + (j + 1));
        }
    }

    @Test
    void seasonalIndicesArePutBackOnMeanAndVariance() {
        double[] y = ThetaFixtures.series("sk_uk_drivers_ksi");
        ThetaFit fit = Theta.fit(y, 12, ThetaOptions.defaults());
        assertEquals("multiplicative", fit.decomposition());
        double[] adjustedMean = fit.model().mean(24);
        double[] adjustedVariance = fit.model().variance(24);
        double[] mean = fit.mean(24);
        double[] variance = fit.variance(24);
        double[] ahead = fit.seasonalAhead();
        double sum = 0;
        for (int j = 0; j < 24; j++) {
            double s = ahead[j % 12];
            assertEquals(adjustedMean[j] * s, mean[j], 1e-12 * Math.abs(mean[j]));
            assertEquals(adjustedVariance[j] * s * s, variance[j], 1e-12 * variance[j]);
        }
        for (double s : ahead) {
            sum += s;
        }
        assertEquals(12, sum, 1e-9, "multiplicative indices average 1");
        // the series (180 points) ends in December, so step 1 is January's index, the same as the first point's
        double[] again = Theta.fit(Arrays.copyOf(y, 168), 12, ThetaOptions.defaults()).seasonalAhead();
        assertEquals(again[0], ahead[0], 0.05, "January's index from 14 or 15 years");
    }

    @Test
    void additiveDecompositionShiftsInsteadOfScaling() {
        double[] y = ThetaFixtures.series("pm_ausbeer");
        ThetaFit fit = Theta.fit(y, 4, ThetaOptions.defaults().withDecomposition("additive"));
        assertEquals("additive", fit.decomposition());
        double[] mean = fit.mean(8);
        double[] adjusted = fit.model().mean(8);
        assertEquals(fit.model().variance(8)[7], fit.variance(8)[7], 0);
        double sum = 0;
        for (int j = 0; j < 4; j++) {
            assertEquals(adjusted[j] + fit.seasonalAhead()[j], mean[j], 1e-9 * Math.abs(mean[j]));
            sum += fit.seasonalAhead()[j];
        }
        assertEquals(0, sum, 1e-9 * Math.abs(mean[0]), "additive indices sum to 0");
    }

    @Test
    void pathsAreReproducibleFromTheGenerator() {
        ThetaFit fit = Theta.fit(ThetaFixtures.series("pm_ausbeer"), 4, ThetaOptions.defaults());
        double[][] first = fit.paths(8, 5, new SplittableRandom(3));
        double[][] second = fit.paths(8, 5, new SplittableRandom(3));
        for (int i = 0; i < 5; i++) {
            assertTrue(Arrays.equals(first[i], second[i]));
        }
    }
}
