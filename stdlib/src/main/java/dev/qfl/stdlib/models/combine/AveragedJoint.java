package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.forecast.JointDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sample paths of a level-by-level average of joint models. Each step's values are the weighted
 * average of the members' order statistics (so every step's marginal is the quantile average the
 * marginal answers use), and they are arranged across paths by the ranks of the heaviest member's
 * paths, so the paths move together the way that member's do (a rank reordering in the manner of
 * the Schaake shuffle). Averaging whole paths instead would shrink the spread of every total.
 */
public final class AveragedJoint implements JointDistribution {
    private final List<JointDistribution> members;
    private final double[] weights;
    private final int leader;

    /** @param weights one per member, non-negative, summing to 1 */
    public AveragedJoint(List<JointDistribution> members, double[] weights) {
        if (members.isEmpty() || members.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per member");
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        int best = 0;
        for (int i = 1; i < weights.length; i++) {
            if (weights[i] > weights[best]) {
                best = i;
            }
        }
        this.leader = best;
    }

    @Override
    public int dimension() {
        return members.get(0).dimension();
    }

    @Override
    public double[][] sample(int paths, RandomGenerator random) {
        int horizon = dimension();
        double[][][] draws = new double[members.size()][][];
        for (int i = 0; i < members.size(); i++) {
            draws[i] = members.get(i).sample(paths, random);
        }
        double[][] out = new double[paths][horizon];
        double[] column = new double[paths];
        double[] averaged = new double[paths];
        Integer[] order = new Integer[paths];
        for (int h = 0; h < horizon; h++) {
            Arrays.fill(averaged, 0);
            for (int i = 0; i < members.size(); i++) {
                for (int p = 0; p < paths; p++) {
                    column[p] = draws[i][p][h];
                }
                Arrays.sort(column);
                for (int p = 0; p < paths; p++) {
                    averaged[p] += weights[i] * column[p];
                }
            }
            final int step = h;
            for (int p = 0; p < paths; p++) {
                order[p] = p;
            }
            Arrays.sort(order, (a, b) -> Double.compare(draws[leader][a][step], draws[leader][b][step]));
            for (int rank = 0; rank < paths; rank++) {
                out[order[rank]][h] = averaged[rank];
            }
        }
        return out;
    }
}
