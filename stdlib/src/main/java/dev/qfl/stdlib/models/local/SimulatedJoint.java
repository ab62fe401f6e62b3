package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.forecast.JointDistribution;
import java.util.random.RandomGenerator;

/**
 * The joint distribution over the horizon of a fitted statistical model, drawn afresh from the
 * model on every request rather than stored: a panel of many series would otherwise keep thousands
 * of paths per series in memory for questions that may never be asked.
 *
 * @param fit     the fitted model
 * @param horizon steps per path
 * @param floor   every value is at least this (0 for demand, which is never negative; -∞ otherwise)
 */
public record SimulatedJoint(SeriesFit fit, int horizon, double floor) implements JointDistribution {

    @Override
    public int dimension() {
        return horizon;
    }

    @Override
    public double[][] sample(int paths, RandomGenerator random) {
        double[][] out = fit.paths(horizon, paths, random);
        if (floor > Double.NEGATIVE_INFINITY) {
            for (double[] path : out) {
                for (int h = 0; h < path.length; h++) {
                    path[h] = Math.max(floor, path[h]);
                }
            }
        }
        return out;
    }
}
