package dev.qfl.stdlib.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

class EmpiricalQuantileFunctionTest {

    /** Continuous samples (no ties), integer samples (many ties) and small ones, all seeded. */
    static List<double[]> randomSamples(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> samples = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            int n = 1 + random.nextInt(s < 10 ? 5 : 200);
            double[] x = new double[n];
            boolean integers = s % 2 == 1;
            for (int i = 0; i < n; i++) {
                double v = random.nextGaussian() * 10 + (random.nextDouble() < 0.2 ? 30 * random.nextDouble() : 0);
                x[i] = integers ? Math.rint(v / 4) : v;
            }
            samples.add(x);
        }
        return samples;
    }

    private static double[] sorted(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c;
    }

    /** True when q has flat stretches: tied values, or a single value (a point mass). */
    private static boolean hasTies(double[] x) {
        if (x.length == 1) {
            return true;
        }
        double[] s = sorted(x);
        for (int i = 1; i < s.length; i++) {
            if (s[i] == s[i - 1]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void handComputedSampleWithoutTies() {
        // n = 4: positions 1/8, 3/8, 5/8, 7/8; tail scales (2 − 1)/2 and (7 − 4)/2.
        EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(new double[] {4, 1, 7, 2});
        assertEquals(0.5, q.leftTailScale(), 1e-15);
        assertEquals(1.5, q.rightTailScale(), 1e-15);
        assertEquals(1.0, q.quantile(0.125), 1e-12);
        assertEquals(1.5, q.quantile(0.25), 1e-12);
        assertEquals(3.0, q.quantile(0.5), 1e-12);
        assertEquals(5.5, q.quantile(0.75), 1e-12);
        assertEquals(7.0, q.quantile(0.875), 1e-12);
        assertEquals(1 - 0.5 * Math.log(10), q.quantile(0.0125), 1e-12);
        assertEquals(7 + 1.5 * Math.log(10), q.quantile(1 - 0.0125), 1e-9);
        assertEquals(0.5, q.cdf(3.0), 1e-12);
        assertEquals(0.125 * Math.exp(-2), q.cdf(0.0), 1e-15);
        assertEquals(1 - 0.125 * Math.exp(-2.0 / 1.5), q.cdf(9.0), 1e-12);
        assertEquals((1 + 2) / 2.0 * 0.25 + (2 + 4) / 2.0 * 0.25 + (4 + 7) / 2.0 * 0.25
                + 0.125 * (1 - 0.5) + 0.125 * (7 + 1.5), q.mean(), 1e-12);
        assertArrayEquals(new double[] {0.125, 0.875}, q.knotLevels(), 0);
    }

    @Test
    void tiedExtremesAverageTheSlopeOverTheTieRun() {
        // {0,0,0,1,2,2}: three zeros then a step of 1 → a = 1/(2·3); two 2s after a step of 1 → b = 1/(2·2).
        EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(new double[] {2, 0, 1, 0, 2, 0});
        assertEquals(1.0 / 6, q.leftTailScale(), 1e-15);
        assertEquals(1.0 / 4, q.rightTailScale(), 1e-15);
        assertEquals(0.0, q.quantile(0.3), 0);           // inside the flat run of zeros
        assertEquals(2.5 / 6, q.cdf(0.0), 1e-15);       // jumps over the run: right end of the flat part
        assertEquals(1.0 / 12 * Math.exp(-6), q.cdf(-1.0), 1e-15);
        assertEquals(5.5 / 6, q.cdf(2.0), 1e-15);
        assertEquals(0.5, q.quantile(3.0 / 6), 1e-12);  // halfway between the last 0 and the 1
    }

    @Test
    void agreesWithHazenPercentilesOfCommonsMathInsideTheSample() {
        SplittableRandom random = new SplittableRandom(11);
        for (double[] x : randomSamples(1)) {
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
            int n = x.length;
            Percentile reference = new Percentile().withEstimationType(EstimationType.R_5);
            reference.setData(x);
            for (int k = 0; k < 200; k++) {
                double level = q.position(0) + random.nextDouble() * (q.position(n - 1) - q.position(0));
                assertEquals(reference.evaluate(100 * level), q.quantile(level), 1e-9, "n=" + n + " level=" + level);
            }
        }
    }

    @Test
    void monotoneAtTenThousandRandomLevels() {
        SplittableRandom random = new SplittableRandom(5);
        for (double[] x : randomSamples(2)) {
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x).shifted(random.nextDouble() * 100 - 50);
            double[] levels = new double[10_000];
            for (int i = 0; i < levels.length; i++) {
                // half of the levels deep in the tails, down to 1e-15 from either end
                double u = random.nextDouble();
                double level = switch (i % 4) {
                    case 0 -> Math.pow(10, -15 * u);
                    case 1 -> 1 - Math.pow(10, -15 * u);
                    default -> u;
                };
                levels[i] = level > 0 && level < 1 ? level : 0.5;
            }
            Arrays.sort(levels);
            double previous = Double.NEGATIVE_INFINITY;
            for (double level : levels) {
                double value = q.quantile(level);
                assertTrue(Double.isFinite(value));
                assertTrue(value >= previous, "q not monotone at level " + level + " for n=" + x.length);
                previous = value;
            }
        }
    }

    @Test
    void cdfIsTheExactInverseWhereQuantileStrictlyIncreases() {
        SplittableRandom random = new SplittableRandom(9);
        for (double[] x : randomSamples(3)) {
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
            boolean ties = hasTies(x);
            for (int k = 0; k < 500; k++) {
                double level = random.nextDouble(1e-9, 1 - 1e-9);
                double value = q.quantile(level);
                double back = q.cdf(value);
                if (ties) {
                    // generalised inverse: F(q(α)) ≥ α, with equality off the flat runs
                    assertTrue(back >= level - 1e-12, "F(q(α)) < α at " + level);
                } else {
                    assertEquals(level, back, 1e-10, "F(q(α)) ≠ α for n=" + x.length);
                }
            }
            double lo = q.quantile(1e-6);
            double hi = q.quantile(1 - 1e-6);
            double previous = 0;
            for (int k = 0; k <= 1000; k++) {
                double z = lo - 1 + (hi - lo + 2) * k / 1000.0;
                double f = q.cdf(z);
                assertTrue(f >= previous && f <= 1, "cdf not monotone at " + z);
                previous = f;
                if (f > 1e-9 && f < 1 - 1e-9) {
                    assertTrue(q.quantile(f) <= z + 1e-9 * (1 + Math.abs(z)), "q(F(z)) > z at " + z);
                    if (!ties) {
                        assertEquals(z, q.quantile(f), 1e-7 * (1 + Math.abs(z)));
                    }
                }
            }
        }
    }

    @Test
    void tailsReachBeyondTheSampleWithADensityThatCarriesOnTheOuterSpacing() {
        for (double[] x : randomSamples(4)) {
            double[] s = sorted(x);
            if (s[0] == s[s.length - 1] || s.length > 400) {
                continue;
            }
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
            assertTrue(q.quantile(0.999) > s[s.length - 1], "q(0.999) within the sample for n=" + s.length);
            assertTrue(q.quantile(0.001) < s[0], "q(0.001) within the sample for n=" + s.length);
            if (!hasTies(x) && s.length >= 2) {
                int n = s.length;
                double h = 1e-7 * (s[1] - s[0]);
                double densityBelowMin = (q.cdf(s[0]) - q.cdf(s[0] - h)) / h;
                double densityAboveMin = 1.0 / (n * (s[1] - s[0]));
                assertEquals(densityAboveMin, densityBelowMin, 1e-4 * densityAboveMin);
                double g = 1e-7 * (s[n - 1] - s[n - 2]);
                double densityAboveMax = (q.cdf(s[n - 1] + g) - q.cdf(s[n - 1])) / g;
                assertEquals(1.0 / (n * (s[n - 1] - s[n - 2])), densityAboveMax, 1e-4 * densityAboveMax);
            }
        }
    }

    @Test
    void degenerateSamplesArePointMasses() {
        for (double[] x : new double[][] {{3.5}, {3.5, 3.5, 3.5, 3.5}}) {
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
            for (double level : new double[] {1e-12, 0.01, 0.3, 0.5, 0.99, 1 - 1e-12}) {
                assertEquals(3.5, q.quantile(level), 0);
            }
            assertEquals(0.0, q.cdf(Math.nextDown(3.5)), 0);
            assertEquals(1.0, q.cdf(3.5), 0);
            assertEquals(1.0, q.cdf(100), 0);
            assertEquals(3.5, q.mean(), 1e-12);
            for (double y : new double[] {-2, 3.5, 4, 10}) {
                assertEquals(Math.abs(y - 3.5), q.crps(y), 1e-12, "crps at " + y);
            }
        }
        EmpiricalQuantileFunction shifted = EmpiricalQuantileFunction.of(new double[] {0.1}).shifted(0.2);
        assertEquals(1.0, shifted.cdf(shifted.quantile(0.5)), 0);
    }

    @Test
    void shiftMovesEverything() {
        double[] x = {2, -1, 5, 5, 8, 0.5};
        EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
        EmpiricalQuantileFunction moved = q.shifted(10);
        for (double level : new double[] {0.001, 0.1, 0.5, 0.77, 0.999}) {
            assertEquals(q.quantile(level) + 10, moved.quantile(level), 1e-12);
        }
        for (double z : new double[] {-5, 0, 2.5, 5, 7, 20}) {
            assertEquals(q.cdf(z), moved.cdf(z + 10), 1e-12);
            assertEquals(q.crps(z), moved.crps(z + 10), 1e-9);
        }
        assertEquals(q.mean() + 10, moved.mean(), 1e-12);
        double[] expected = sorted(x);
        for (int i = 0; i < expected.length; i++) {
            expected[i] += 10;
        }
        assertArrayEquals(expected, moved.sortedSample(), 1e-12);
    }

    @Test
    void closedFormsAgreeWithTheGenericNumericalIntegrals() {
        SplittableRandom random = new SplittableRandom(21);
        for (double[] x : randomSamples(6)) {
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
            double spread = q.quantile(0.9) - q.quantile(0.1) + 1;
            assertEquals(QuantileIntegrals.mean(q), q.mean(), 1e-4 * spread);
            for (int k = 0; k < 5; k++) {
                double y = q.quantile(0.5) + (random.nextDouble() - 0.5) * 4 * spread;
                assertEquals(QuantileIntegrals.crps(q, y), q.crps(y), 1e-4 * spread, "n=" + x.length + " y=" + y);
            }
        }
    }

    @Test
    void crpsMatchesCommonsMathIntegrationOfThePinballLoss() {
        SplittableRandom random = new SplittableRandom(33);
        List<double[]> samples = new ArrayList<>(randomSamples(7).subList(0, 16));
        samples.add(new double[] {4, 1, 7, 2});
        samples.add(new double[] {0, 0, 0, 1, 2, 2});
        samples.add(new double[] {-3, 5});
        for (double[] x : samples) {
            EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(x);
            double[] s = sorted(x);
            double[] outcomes = {s[0] - 3, s[0], s[s.length / 2], s[s.length - 1] + 0.25,
                    s[0] + random.nextDouble() * (s[s.length - 1] - s[0]), s[s.length - 1] + 40};
            for (double y : outcomes) {
                double reference = PinballIntegral.crps(q, y);
                assertEquals(reference, q.crps(y), 1e-8 * (1 + Math.abs(reference)), "n=" + x.length + " y=" + y);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> EmpiricalQuantileFunction.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> EmpiricalQuantileFunction.of(new double[] {1, Double.NaN}));
        EmpiricalQuantileFunction q = EmpiricalQuantileFunction.of(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> q.quantile(0));
        assertThrows(IllegalArgumentException.class, () -> q.quantile(1));
        assertThrows(IllegalArgumentException.class, () -> q.shifted(Double.POSITIVE_INFINITY));
    }
}
