package dev.qfl.stdlib.evaluation;

import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.forecast.PathStatistics;

/**
 * Scores of a forecast over a whole horizon path, estimated from joint sample paths: the energy
 * score and the CRPS of the path's total (lead-time demand).
 */
public final class PathScores {
    private PathScores() {
    }

    /**
     * The energy score with β = 1, ES = E‖X − y‖ − ½·E‖X − X′‖, estimated without bias: the first
     * term over every path, the second over disjoint pairs (path i with path i + n/2), so the cost is
     * linear in the number of paths rather than quadratic.
     *
     * @param paths   at least two sample paths of the outcome's length
     * @param outcome the observed path
     */
    public static double energy(double[][] paths, double[] outcome) {
        int n = paths.length;
        if (n < 2) {
            throw new IllegalArgumentException("the energy score needs at least two paths");
        }
        double toOutcome = 0;
        for (double[] p : paths) {
            toOutcome += distance(p, outcome);
        }
        int half = n / 2;
        double between = 0;
        for (int i = 0; i < half; i++) {
            between += distance(paths[i], paths[i + half]);
        }
        return toOutcome / n - 0.5 * between / half;
    }

    /** CRPS of the distribution of Σ_h X_h (from the paths' totals) at the observed total. */
    public static double crpsOfTotal(double[][] paths, double[] outcome) {
        return EmpiricalQuantileFunction.of(PathStatistics.totals(paths, 1, outcome.length)).crps(sum(outcome));
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    static double norm(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
