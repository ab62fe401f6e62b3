package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.SampledJoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One ensemble member's forecast of one series: a quantile function per step and, from a joint
 * head, the joint distribution over the horizon (null from a univariate head).
 */
record MemberForecast(List<QuantileFunction> steps, JointDistribution joint) {

    /**
     * The forecast from the network's raw outputs: a univariate head is asked for each step's
     * distribution, a joint head for sample paths (whose columns give the steps' marginals).
     *
     * @param raw      all outputs of the batch
     * @param offset   where this series' outputs start
     * @param location the series' window location
     * @param scale    the series' window scale
     * @param horizon  steps to forecast
     * @param seed     seed for anything sampled, so answers repeat
     */
    static MemberForecast of(Head head, float[] raw, int offset, double location, double scale, int horizon,
                             long seed) {
        return head.match(
                univariate -> perStep(univariate, raw, offset, location, scale, horizon),
                joint -> fromPaths(joint.paths(raw, offset, location, scale, seed)));
    }

    private static MemberForecast perStep(UnivariateHead head, float[] raw, int offset, double location,
                                          double scale, int horizon) {
        List<QuantileFunction> steps = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            steps.add(head.distribution(raw, offset + h * head.outputsPerStep(), location, scale));
        }
        return new MemberForecast(steps, null);
    }

    /** Each step's marginal is the empirical distribution of its column of paths. */
    private static MemberForecast fromPaths(double[][] paths) {
        int horizon = paths[0].length;
        List<QuantileFunction> steps = new ArrayList<>(horizon);
        for (int k = 0; k < horizon; k++) {
            double[] column = new double[paths.length];
            for (int p = 0; p < paths.length; p++) {
                column[p] = paths[p][k];
            }
            steps.add(EmpiricalQuantileFunction.of(column));
        }
        return new MemberForecast(steps, new SampledJoint(paths));
    }
}
