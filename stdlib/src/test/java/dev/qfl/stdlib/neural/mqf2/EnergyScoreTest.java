package dev.qfl.stdlib.neural.mqf2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.neural.CpuTensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The energy-score estimator against cases with known answers. */
class EnergyScoreTest {
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = CpuTensors.manager();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    private static NDArray normals(SplittableRandom r, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        return manager.create(v, new Shape(1, n, 1));
    }

    @Test
    void inOneDimensionItIsTheCrps() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 3000;
        for (double y : new double[] {-1.2, 0.3, 2.5}) {
            NDArray z = manager.create(new double[] {y}, new Shape(1, 1));
            double es = EnergyScore.estimate(z, normals(r, n, 1, 2), normals(r, n, 1, 2), normals(r, n, 1, 2))
                    .getDouble(0);
            double crps = new NormalQuantileFunction(1, 2).crps(y);
            // Monte Carlo error with 3,000 samples per set: a few hundredths of the sd
            assertEquals(crps, es, 0.06, "y = " + y);
        }
    }

    @Test
    void aCertainForecastScoresItsDistance() {
        double[] w = {1, 2, 2};
        double[] samples = new double[4 * 3];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(w, 0, samples, 3 * i, 3);
        }
        NDArray x = manager.create(samples, new Shape(1, 4, 3));
        NDArray z = manager.create(new double[] {1, 0, 0}, new Shape(1, 3));
        // every sample equals w: the spread term vanishes and the score is ‖w − z‖ = √8
        assertEquals(Math.sqrt(8), EnergyScore.estimate(z, x, x, x).getDouble(0), 1e-5);
    }
}
