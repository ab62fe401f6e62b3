package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.qfl.stdlib.data.Frequency;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The seam between the shared neural pipeline and its two kinds of head: each head declares the
 * network output it needs by its kind, and a member's forecast asks a univariate head for each
 * step's distribution and a joint head for paths (never the other way round).
 */
class HeadSeamTest {
    private static final int HORIZON = 5;

    @Test
    void everyKindsHeadAsksForTheNetworkOutputOfItsKind() {
        Map<String, Object> options = Map.of("horizon", HORIZON, "hidden", 12);
        NeuralKind[] kinds = {new IqfKind(), new SqfKind(), new QuantregKind(), new GaussianKind(), new Mqf2Kind()};
        for (NeuralKind kind : kinds) {
            Head head = kind.head(kind.resolve(options, Frequency.WEEK));
            Head.Outputs outputs = head.outputs(HORIZON);
            String kindOfHead = head.match(univariate -> {
                assertEquals(new Head.Outputs(HORIZON, univariate.outputsPerStep()), outputs, kind.name());
                return "univariate";
            }, joint -> {
                // one context vector for the whole horizon, as wide as the encoder's last layer
                assertEquals(new Head.Outputs(1, 12), outputs, kind.name());
                assertEquals(12, joint.contextWidth(), kind.name());
                return "joint";
            });
            assertEquals(kind instanceof Mqf2Kind ? "joint" : "univariate", kindOfHead, kind.name());
        }
    }

    @Test
    void aUnivariateHeadForecastsEachStepFromItsOwnOutputsAndNoJoint() {
        GaussianHead head = new GaussianHead();
        // three steps of (mean, raw sd); the member's outputs start after one other series' six numbers
        float[] raw = {9, 9, 9, 9, 9, 9, 0.5f, 0f, 1.0f, 1f, -0.5f, 2f};
        MemberForecast f = MemberForecast.of(head, raw, 6, new double[] {10.0, 10.0, 10.0}, 2.0, 7L);
        assertEquals(3, f.steps().size());
        assertNull(f.joint());
        assertEquals(11.0, f.steps().get(0).quantile(0.5), 1e-12);
        assertEquals(12.0, f.steps().get(1).quantile(0.5), 1e-12);
        assertEquals(9.0, f.steps().get(2).quantile(0.5), 1e-12);
        assertTrue(f.steps().get(2).quantile(0.9) - 9.0 > f.steps().get(0).quantile(0.9) - 11.0,
                "a larger raw sd gives a wider step");
    }

    @Test
    void aJointHeadIsAskedForPathsAndEachStepsMarginalIsReadOffThem() {
        double[][] drawn = new double[1000][2];
        SplittableRandom random = new SplittableRandom(5);
        for (double[] path : drawn) {
            double shock = random.nextGaussian();
            path[0] = shock;
            path[1] = 100 + 3 * shock;   // perfectly dependent steps
        }
        JointHead head = new FixedPaths(drawn);
        MemberForecast f = MemberForecast.of(head, new float[4], 0, new double[2], 1.0, 11L);
        assertEquals(2, f.steps().size());
        assertNotNull(f.joint());
        assertEquals(100 + 3 * f.steps().get(0).quantile(0.8), f.steps().get(1).quantile(0.8), 1e-9);
        double[][] sampled = f.joint().sample(50, new SplittableRandom(2));
        for (double[] path : sampled) {
            assertEquals(100 + 3 * path[0], path[1], 1e-9, "the joint keeps the paths' dependence");
        }
    }

    @Test
    void theDomainMapsAreFiniteAndInvertible() {
        for (double y : new double[] {1e-4, 0.3, 1, 7, 29.9, 31, 500}) {
            assertEquals(y, HeadMath.softplus(HeadMath.inverseSoftplus(y)), 1e-9 * Math.max(1, y), "y = " + y);
        }
        assertEquals(1000.0, HeadMath.softplus(1000), 0.0, "no overflow for large raw outputs");
        assertTrue(HeadMath.positive(-1e4, 1e-4) >= 1e-4, "the floor keeps a positive parameter away from zero");
        double[] shares = HeadMath.softmax(new double[] {0, 800, 801, 799, 0}, 1, 3);
        assertEquals(3, shares.length);
        assertEquals(1.0, shares[0] + shares[1] + shares[2], 1e-12);
        assertTrue(shares[1] > shares[0] && shares[0] > shares[2], "larger raw values get larger shares");
    }

    /** A joint head that answers with given paths: the pipeline's side of the seam, without training. */
    private record FixedPaths(double[][] drawn) implements JointHead {
        @Override
        public int contextWidth() {
            return 4;
        }

        @Override
        public double[][] paths(float[] raw, int offset, double location, double scale, long seed) {
            return drawn;
        }

        @Override
        public NDArray loss(NDArray raw, NDArray target, NDArray mask) {
            throw new AssertionError("not trained here");
        }
    }
}
