package dev.qfl.stdlib.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsqfTest {
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    // ---- the two reference fixtures -------------------------------------------------------------

    /** IQF through (0.1, 0) and (0.9, 1), tail rates 2. */
    static final Isqf FIXTURE_A = Isqf.of(new double[] {0.1, 0.9}, new double[] {0, 1}, 1, null, null, 2, 2);
    /** ISQF through (0.1, 0), (0.5, 1), (0.9, 2), two equal pieces per interval, tail rates 1. */
    static final Isqf FIXTURE_B = Isqf.of(new double[] {0.1, 0.5, 0.9}, new double[] {0, 1, 2}, 2, null, null, 1, 1);

    @Test
    void fixtureAQuantilesAndCrps() {
        assertEquals(0.5 * Math.log(0.5), FIXTURE_A.quantile(0.05), 1e-12);
        assertEquals(0.25, FIXTURE_A.quantile(0.3), 1e-12);
        assertEquals(0.75, FIXTURE_A.quantile(0.7), 1e-12);
        assertEquals(1 + 0.5 * Math.log(10), FIXTURE_A.quantile(0.99), 1e-12);
        Isqf.CrpsParts p = FIXTURE_A.crpsParts(0.5);
        assertEquals(0.0075, p.leftTail(), 1e-12);
        assertEquals(7.0 / 75, p.spline(), 1e-12);
        assertEquals(0.0075, p.rightTail(), 1e-12);
        assertEquals(0.108333333333333, p.total(), 1e-12);
    }

    @Test
    void fixtureBQuantilesAndCrps() {
        assertEquals(Math.log(0.1), FIXTURE_B.quantile(0.01), 1e-12);
        assertEquals(0.875, FIXTURE_B.quantile(0.45), 1e-12);
        assertEquals(1.625, FIXTURE_B.quantile(0.75), 1e-12);
        assertEquals(2 + Math.log(2), FIXTURE_B.quantile(0.95), 1e-12);
        Isqf.CrpsParts p = FIXTURE_B.crpsParts(2);
        assertEquals(0.025, p.leftTail(), 1e-12);
        assertEquals(44.0 / 75, p.spline(), 1e-12);
        assertEquals(0.005, p.rightTail(), 1e-12);
    }

    // ---- closed form against independent quadrature ---------------------------------------------

    static Isqf random(SplittableRandom r, int k, int pieces) {
        double[] levels = new double[k];
        double a = 0;
        for (int i = 0; i < k; i++) {
            a += 0.02 + r.nextDouble() * (0.9 - a) / (k - i + 1);
            levels[i] = a;
        }
        double[] values = new double[k];
        values[0] = r.nextDouble() * 10 - 5;
        for (int i = 1; i < k; i++) {
            values[i] = values[i - 1] + 0.05 + r.nextDouble() * 3;
        }
        int n = (k - 1) * pieces;
        return Isqf.of(levels, values, pieces, shares(r, n, pieces), shares(r, n, pieces),
                0.2 + r.nextDouble() * 3, 0.2 + r.nextDouble() * 3);
    }

    private static double[] shares(SplittableRandom r, int n, int pieces) {
        double[] out = new double[n];
        for (int start = 0; start < n; start += pieces) {
            double sum = 0;
            for (int s = 0; s < pieces; s++) {
                out[start + s] = 0.1 + r.nextDouble();
                sum += out[start + s];
            }
            for (int s = 0; s < pieces; s++) {
                out[start + s] /= sum;
            }
        }
        return out;
    }

    /**
     * ∫₀¹ 2ρ_α(y − q(α)) dα by Gauss–Legendre on many small cells, split at every knot, piece
     * boundary and at the crossing level where the integrand has a kink. The log tails are mapped
     * to α = α₀·e^{−s} (and 1 − α = (1 − α_K)·e^{−s}), which removes their singularity.
     */
    static double numericCrps(Isqf q, double y) {
        DoubleUnaryOperator loss = alpha -> {
            double u = y - q.quantile(alpha);
            return 2 * u * (u < 0 ? alpha - 1 : alpha);
        };
        double[] knots = q.knotLevels();
        double a0 = knots[0];
        double ak = knots[knots.length - 1];
        List<Double> cuts = new ArrayList<>();
        double[] xf = q.xFractions();
        for (int k = 0; k + 1 < knots.length; k++) {
            double at = knots[k];
            for (int s = 0; s < q.pieces(); s++) {
                at += (knots[k + 1] - knots[k]) * xf[k * q.pieces() + s];
                cuts.add(Math.min(at, knots[k + 1]));
            }
        }
        double cross = q.cdf(y);
        cuts.add(Math.min(ak, Math.max(a0, cross)));
        cuts.add(a0);
        cuts.add(ak);
        double[] c = cuts.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        double total = 0;
        for (int i = 0; i + 1 < c.length; i++) {
            total += integrate(loss, c[i], c[i + 1]);
        }
        // tails, in s: each split where the kink falls
        DoubleUnaryOperator leftIn = s -> loss.applyAsDouble(a0 * Math.exp(-s)) * a0 * Math.exp(-s);
        DoubleUnaryOperator rightIn = s -> loss.applyAsDouble(1 - (1 - ak) * Math.exp(-s)) * (1 - ak) * Math.exp(-s);
        double sLeft = cross < a0 && cross > 0 ? Math.log(a0 / cross) : -1;
        double sRight = cross > ak && cross < 1 ? Math.log((1 - ak) / (1 - cross)) : -1;
        // The right tail stops where 1 − α is no longer representable next to 1 (about 1e-14 of it
        // is left out, far below the tolerance); the left tail can go much deeper.
        total += tail(leftIn, sLeft, 60) + tail(rightIn, sRight, 30);
        return total;
    }

    private static double tail(DoubleUnaryOperator f, double kink, double end) {
        if (kink > 0 && kink < end) {
            return integrate(f, 0, kink) + integrate(f, kink, end);
        }
        return integrate(f, 0, end);
    }

    private static double integrate(DoubleUnaryOperator f, double a, double b) {
        if (b <= a) {
            return 0;
        }
        int cells = 64;
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            double lo = a + (b - a) * i / cells;
            double hi = a + (b - a) * (i + 1) / cells;
            if (hi - lo < 1e-13 * Math.max(1, Math.abs(lo))) {  // a sliver: nothing to integrate
                continue;
            }
            GaussIntegrator g = GAUSS.legendre(12, lo, hi);
            sum += g.integrate(f::applyAsDouble);
        }
        return sum;
    }

    @Test
    void closedFormCrpsEqualsQuadratureEverywhere() {
        SplittableRandom r = new SplittableRandom(7);
        int checked = 0;
        for (int trial = 0; trial < 240; trial++) {
            int k = 1 + trial % 6;
            int pieces = 1 + (trial / 6) % 4;
            Isqf q = random(r, k, pieces);
            if (trial % 3 == 0) {
                q = q.affine(r.nextDouble() * 100 - 50, 0.1 + r.nextDouble() * 20);
            }
            // outcomes deep in each tail, inside every interval, and far outside
            double[] levels = {1e-6, 0.3 * q.knotLevels()[0], 0.5, 0.97, 1 - 1e-7, r.nextDouble()};
            for (double level : levels) {
                double y = q.quantile(level) + (r.nextDouble() - 0.5) * 1e-3;
                assertClose(numericCrps(q, y), q.crps(y), q, y);
                checked++;
            }
            double far = q.quantile(0.5) + 1e3 * q.scale() * (r.nextBoolean() ? 1 : -1);
            assertClose(numericCrps(q, far), q.crps(far), q, far);
        }
        assertTrue(checked >= 1000);
    }

    private static void assertClose(double expected, double actual, Isqf q, double y) {
        assertTrue(Double.isFinite(expected) && Double.isFinite(actual), () -> "not finite: numeric " + expected
                + ", closed " + actual + " for " + q + " knots " + Arrays.toString(q.knotLevels()) + " values "
                + Arrays.toString(q.knotValues()) + " y " + y);
        double tolerance = 1e-6 * Math.max(1.0, Math.abs(expected));
        assertEquals(expected, actual, tolerance, () -> q + " at y = " + y);
    }

    // ---- shape guarantees -----------------------------------------------------------------------

    @Test
    void neverCrossesOnTenThousandRandomParameterSets() {
        SplittableRandom r = new SplittableRandom(11);
        double[] grid = new double[999];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (i + 1) / 1000.0;
        }
        double[] out = new double[grid.length];
        for (int trial = 0; trial < 10_000; trial++) {
            Isqf q = random(r, 1 + r.nextInt(8), 1 + r.nextInt(4));
            q.quantiles(grid, out);
            for (int i = 1; i < out.length; i++) {
                assertTrue(out[i] >= out[i - 1], () -> "crossing in " + Arrays.toString(out));
                assertEquals(q.quantile(grid[i]), out[i], 1e-12, "batch and single quantiles agree");
            }
            double x0 = out[0] - 5;
            double previous = q.cdf(x0);
            for (int i = 1; i <= 50; i++) {
                double c = q.cdf(x0 + i * (out[out.length - 1] - out[0] + 10) / 50);
                assertTrue(c >= previous && c >= 0 && c <= 1);
                previous = c;
            }
        }
    }

    @Test
    void cdfIsTheExactInverse() {
        SplittableRandom r = new SplittableRandom(13);
        for (int trial = 0; trial < 2000; trial++) {
            Isqf q = random(r, 1 + r.nextInt(6), 1 + r.nextInt(4)).affine(r.nextDouble() * 10, 0.5 + r.nextDouble() * 5);
            double level = Math.max(1e-9, r.nextDouble());
            assertEquals(level, q.cdf(q.quantile(level)), 1e-12);
            // outcomes whose tail probability is still resolvable in double precision
            double y = q.quantile(1e-6 + r.nextDouble() * (1 - 2e-6));
            assertEquals(y, q.quantile(q.cdf(y)), 1e-9 * Math.max(1, Math.abs(y)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "knot levels must lie in (0, 1)           | 0.0,0.5 | 0,1",
        "knot levels must be strictly increasing  | 0.5,0.5 | 0,1",
        "knot values must be strictly increasing  | 0.1,0.5 | 1,1",
    })
    void rejectsInvalidParameters(String message, String levels, String values) {
        double[] l = Arrays.stream(levels.split(",")).mapToDouble(Double::parseDouble).toArray();
        double[] v = Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Isqf.of(l, v, 1, null, null, 1, 1));
        assertEquals(message.strip(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Isqf.of(new double[] {0.1, 0.9}, new double[] {0, 1}, 1,
                null, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Isqf.of(new double[] {0.1, 0.9}, new double[] {0, 1}, 2,
                new double[] {0.3, 0.3}, null, 1, 1));
    }
}
