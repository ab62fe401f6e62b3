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
     * @param locations each step's location (the series' window location, plus its trend when
     *                  windows are centred on one); one per step to forecast
     * @param scale    the series' window scale
     * @param seed     seed for anything sampled, so answers repeat
     */
    static MemberForecast of(Head head, float[] raw, int offset, double[] locations, double scale, long seed) {
        return head.match(
                univariate -> perStep(univariate, raw, offset, locations, scale),
                joint -> fromPaths(shifted(joint.paths(raw, offset, locations[0], scale, seed), locations)));
    }

    private static MemberForecast perStep(UnivariateHead head, float[] raw, int offset, double[] locations,
                                          double scale) {
        List<QuantileFunction> steps = new ArrayList<>(locations.length);
        for (int h = 0; h < locations.length; h++) {
            steps.add(head.distribution(raw, offset + h * head.outputsPerStep(), locations[h], scale));
        }
        return new MemberForecast(steps, null);
    }

    /** Paths drawn around the first step's location, moved to each step's own. */
    private static double[][] shifted(double[][] paths, double[] locations) {
        for (double[] path : paths) {
            for (int h = 1; h < path.length && h < locations.length; h++) {
                path[h] += locations[h] - locations[0];
            }
        }
        return paths;
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
