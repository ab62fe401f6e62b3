package dev.qfl.stdlib.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Independent steps: the total of normal marginals is normal with the summed mean and variance. */
class IndependentJointTest {
    @Test
    void totalsOfIndependentNormalsFollowTheClosedForm() {
        List<QuantileFunction> steps = List.of(new NormalQuantileFunction(10, 2), new NormalQuantileFunction(20, 3),
                new NormalQuantileFunction(5, 1));
        double[][] paths = new IndependentJoint(steps).sample(20_000, new SplittableRandom(1));
        double[] totals = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            totals[p] = paths[p][0] + paths[p][1] + paths[p][2];
        }
        EmpiricalQuantileFunction total = EmpiricalQuantileFunction.of(totals);
        double sd = Math.sqrt(4 + 9 + 1);
        NormalDistribution exact = new NormalDistribution(35, sd);
        for (double level : new double[] {0.05, 0.5, 0.9, 0.95}) {
            // with 20,000 draws a quantile's sampling error is about 1-2% of sd; 8% is a safe bound
            assertEquals(exact.inverseCumulativeProbability(level), total.quantile(level), 0.08 * sd, "level " + level);
        }
        // a fixed seed repeats itself
        double[][] again = new IndependentJoint(steps).sample(3, new SplittableRandom(1));
        assertEquals(paths[0][1], again[0][1]);
    }
}
