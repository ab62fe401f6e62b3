package dev.qfl.bench.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The article's joint experiment, cut down: mqf2 must see the correlation that iqf cannot. */
class JointExperimentTest {

    @Test
    void theExactConditionalMomentsMatchSimulation() {
        double rho = 0.8;
        double x0 = 1.3;
        int n = 200_000;
        SplittableRandom r = new SplittableRandom(2);
        double[] sum = new double[JointExperiment.HORIZON];
        double[][] cross = new double[JointExperiment.HORIZON][JointExperiment.HORIZON];
        for (int i = 0; i < n; i++) {
            double[] path = new double[JointExperiment.HORIZON];
            double x = x0;
            for (int h = 0; h < path.length; h++) {
                x = rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian();
                path[h] = x - Math.pow(rho, h + 1) * x0;   // minus the conditional mean
            }
            for (int a = 0; a < path.length; a++) {
                sum[a] += path[a];
                for (int b = 0; b < path.length; b++) {
                    cross[a][b] += path[a] * path[b];
                }
            }
        }
        double[][] exact = JointExperiment.conditionalCovariance(rho);
        double total = 0;
        for (int a = 0; a < sum.length; a++) {
            assertEquals(0, sum[a] / n, 0.01, "conditional mean ρ^h·x₀");
            for (int b = 0; b < sum.length; b++) {
                assertEquals(exact[a][b], cross[a][b] / n, 0.01);
                total += cross[a][b] / n;
            }
        }
        assertEquals(JointExperiment.conditionalTotalVariance(rho), total, 0.1);
    }

    @Test
    void mqf2RecoversTheCorrelationThatIndependenceMisses() {
        List<JointExperiment.Row> rows = JointExperiment.run(0.9, 6, 60, 16);
        JointExperiment.Row mqf2 = rows.get(0);
        JointExperiment.Row iqf = rows.get(1);
        assertEquals("mqf2", mqf2.model());
        // independence puts zeros off the diagonal where the truth has 0.6..0.97: a Frobenius error near 4
        assertTrue(iqf.correlationError() > 3, "independent steps: " + iqf);
        assertTrue(mqf2.correlationError() < 0.5 * iqf.correlationError(), mqf2 + " vs " + iqf);
        assertTrue(mqf2.energy() < iqf.energy(), mqf2 + " vs " + iqf);
        assertTrue(mqf2.crpsLead() < iqf.crpsLead(), mqf2 + " vs " + iqf);
        // a few epochs only: within one sd here; `qfl bench joint` with the default 30 epochs gets under half
        assertTrue(mqf2.q95ErrorInSd() < Math.min(1, iqf.q95ErrorInSd()), "lead-time q95: " + mqf2 + " vs " + iqf);
        assertTrue(mqf2.spreadRatio() > 0.7 && mqf2.spreadRatio() < 1.5, "total's spread: " + mqf2);
    }
}
