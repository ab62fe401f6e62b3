package dev.qfl.stdlib.models.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.stdlib.forecast.JointDistribution;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AveragedJointTest {

    /** Two steps, bivariate normal with the given means, sds and correlation. */
    private record Gaussian2(double m1, double m2, double s, double rho) implements JointDistribution {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[][] sample(int paths, RandomGenerator random) {
            double[][] out = new double[paths][2];
            for (int i = 0; i < paths; i++) {
                double z1 = random.nextGaussian();
                double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * random.nextGaussian();
                out[i][0] = m1 + s * z1;
                out[i][1] = m2 + s * z2;
            }
            return out;
        }
    }

    @Test
    void marginalsAreQuantileAveragesAndDependenceFollowsTheHeaviestMember() {
        JointDistribution a = new Gaussian2(0, 10, 1, 0.9);
        JointDistribution b = new Gaussian2(4, 2, 3, 0.0);
        double[][] paths = new AveragedJoint(List.of(a, b), new double[] {0.75, 0.25}).sample(40_000, new SplittableRandom(3));
        // the quantile average of N(0,1) and N(4,3) at 3:1 is N(1, 1.5); of N(10,1) and N(2,3) is N(8, 1.5)
        assertEquals(1.0, mean(paths, 0), 0.03);
        assertEquals(8.0, mean(paths, 1), 0.03);
        assertEquals(1.5, sd(paths, 0), 0.03);
        assertEquals(1.5, sd(paths, 1), 0.03);
        // ranks from the heaviest member: a rank correlation of 0.9 normal scores stays near 0.9
        assertEquals(0.9, correlation(paths), 0.02);
    }

    private static double mean(double[][] p, int h) {
        double s = 0;
        for (double[] row : p) {
            s += row[h];
        }
        return s / p.length;
    }

    private static double sd(double[][] p, int h) {
        double m = mean(p, h);
        double s = 0;
        for (double[] row : p) {
            s += (row[h] - m) * (row[h] - m);
        }
        return Math.sqrt(s / (p.length - 1));
    }

    private static double correlation(double[][] p) {
        double m0 = mean(p, 0);
        double m1 = mean(p, 1);
        double c = 0;
        for (double[] row : p) {
            c += (row[0] - m0) * (row[1] - m1);
        }
        return c / (p.length - 1) / (sd(p, 0) * sd(p, 1));
    }
}
