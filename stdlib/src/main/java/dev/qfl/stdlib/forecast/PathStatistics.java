package dev.qfl.stdlib.forecast;

/** Summaries of joint sample paths over a horizon. */
public final class PathStatistics {
    private PathStatistics() {
    }

    /**
     * Pearson correlations between the steps of the paths (an h × h matrix). A step that never
     * varies (e.g. floored at zero in every path) has no correlation with anything: 0 off the
     * diagonal, 1 on it.
     */
    public static double[][] correlations(double[][] paths) {
        int n = paths.length;
        int h = paths[0].length;
        double[] mean = new double[h];
        for (double[] p : paths) {
            for (int k = 0; k < h; k++) {
                mean[k] += p[k] / n;
            }
        }
        double[][] cov = new double[h][h];
        for (double[] p : paths) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    cov[i][j] += (p[i] - mean[i]) * (p[j] - mean[j]);
                }
            }
        }
        double[][] corr = new double[h][h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                double d = Math.sqrt(cov[i][i] * cov[j][j]);
                corr[i][j] = d == 0 ? (i == j ? 1 : 0) : cov[i][j] / d;
            }
        }
        return corr;
    }

    /** The total of each path over steps {@code from..to} (1-based, inclusive). */
    public static double[] totals(double[][] paths, int from, int to) {
        double[] out = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            for (int k = from; k <= to; k++) {
                out[p] += paths[p][k - 1];
            }
        }
        return out;
    }
}
