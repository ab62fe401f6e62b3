package dev.qfl.stdlib.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The path scores against closed forms: the energy score in one dimension is the CRPS. */
class PathScoresTest {
    private static final NormalDistribution STANDARD = new NormalDistribution();

    /** Closed-form CRPS of N(μ, σ²) at y. */
    static double normalCrps(double mu, double sigma, double y) {
        double z = (y - mu) / sigma;
        return sigma * (z * (2 * STANDARD.cumulativeProbability(z) - 1) + 2 * STANDARD.density(z) - 1 / Math.sqrt(Math.PI));
    }

    private static double[][] normalPaths(int n, int dims, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[n][dims];
        for (double[] p : out) {
            for (int k = 0; k < dims; k++) {
                p[k] = sigma * r.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void energyOfACertainForecastIsTheDistance() {
        double[][] same = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        assertEquals(5.0, PathScores.energy(same, new double[] {1, 5, 7}), 1e-12);
    }

    @Test
    void energyInOneDimensionIsTheCrps() {
        double[][] paths = normalPaths(400_000, 1, 2.0, 5);
        for (double y : new double[] {-3, 0, 0.7, 4}) {
            assertEquals(normalCrps(0, 2, y), PathScores.energy(paths, new double[] {y}), 0.01, "y = " + y);
        }
    }

    @Test
    void crpsOfTheTotalIsTheCrpsOfTheSummedDistribution() {
        // two independent N(0, 1.5²) steps: the total is N(0, 2·1.5²)
        double[][] paths = normalPaths(200_000, 2, 1.5, 9);
        double[] outcome = {1.0, 2.5};
        assertEquals(normalCrps(0, 1.5 * Math.sqrt(2), 3.5), PathScores.crpsOfTotal(paths, outcome), 0.01);
    }

    @Test
    void energyPrefersTheRightCorrelation() {
        // outcomes from perfectly correlated steps: a forecast with that correlation scores better
        SplittableRandom r = new SplittableRandom(3);
        double correlated = 0;
        double independent = 0;
        for (int i = 0; i < 300; i++) {
            double z = r.nextGaussian();
            double[] y = {z, z, z};
            double[][] together = normalPaths(2000, 1, 1, i);
            double[][] sameNoise = new double[2000][];
            for (int p = 0; p < 2000; p++) {
                sameNoise[p] = new double[] {together[p][0], together[p][0], together[p][0]};
            }
            correlated += PathScores.energy(sameNoise, y);
            independent += PathScores.energy(normalPaths(2000, 3, 1, 1000 + i), y);
        }
        assertTrue(correlated < independent, correlated + " vs " + independent);
    }

    @Test
    void scorecardNormalisesPathScoresLikeCrps() {
        Scorecard card = new Scorecard(List.of(new Metric.Energy(), new Metric.CrpsLead()));
        assertTrue(card.scoresPaths());
        double[][] certain = {{2, 2}, {2, 2}};
        card.addPath(certain, new double[] {5, 6});   // distance √(9 + 16) = 5, total error |4 − 11| = 7
        card.addPath(certain, new double[] {2, 2});   // perfect
        assertEquals(5.0 / (Math.hypot(5, 6) + Math.hypot(2, 2)), card.value(new Metric.Energy()), 1e-12);
        assertEquals(7.0 / (11 + 4), card.value(new Metric.CrpsLead()), 1e-9);
        assertTrue(Double.isNaN(new Scorecard(List.of(new Metric.Energy())).value(new Metric.Energy())));
        assertTrue(!new Scorecard(List.of(new Metric.Wql())).scoresPaths());
    }

    @Test
    void energyNeedsTwoPaths() {
        assertThrows(IllegalArgumentException.class, () -> PathScores.energy(new double[][] {{1}}, new double[] {1}));
    }
}
