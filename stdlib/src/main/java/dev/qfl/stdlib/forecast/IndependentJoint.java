package dev.qfl.stdlib.forecast;

import dev.qfl.stdlib.dist.QuantileFunction;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Joint paths made by sampling each step's marginal on its own: the steps are treated as
 * independent. Only used when a script says {@code assuming independence}; QFL never assumes it
 * silently, because demand on neighbouring days is usually correlated and independence then
 * understates the spread of a total.
 */
public record IndependentJoint(List<QuantileFunction> steps) implements JointDistribution {
    public IndependentJoint {
        steps = List.copyOf(steps);
    }

    @Override
    public int dimension() {
        return steps.size();
    }

    @Override
    public double[][] sample(int paths, RandomGenerator random) {
        double[][] out = new double[paths][steps.size()];
        for (int p = 0; p < paths; p++) {
            for (int h = 0; h < steps.size(); h++) {
                out[p][h] = steps.get(h).sample(random);
            }
        }
        return out;
    }
}
