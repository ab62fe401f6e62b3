package dev.qfl.stdlib.models.arima;

/** Ordinary and seasonal differencing of a series. */
final class Differencing {

    private Differencing() {
    }

    /** (1-B)^d (1-B^m)^D y; the result is shorter by d + mD points (empty if the series is too short). */
    static double[] difference(double[] y, int d, int seasonalD, int season) {
        double[] out = y;
        for (int k = 0; k < seasonalD; k++) {
            out = lagDifference(out, season);
        }
        for (int k = 0; k < d; k++) {
            out = lagDifference(out, 1);
        }
        return out;
    }

    static double[] lagDifference(double[] y, int lag) {
        if (y.length <= lag) {
            return new double[0];
        }
        double[] out = new double[y.length - lag];
        for (int t = 0; t < out.length; t++) {
            out[t] = y[t + lag] - y[t];
        }
        return out;
    }

    /**
     * R's {@code is.constant}: all values equal to the first within a relative mean difference of
     * 1.5e-8 (all.equal's tolerance); true for an empty or one-point series.
     */
    static boolean isConstant(double[] y) {
        if (y.length <= 1) {
            return true;
        }
        double first = y[0];
        double difference = 0;
        double scale = 0;
        for (double v : y) {
            difference += Math.abs(v - first);
            scale += Math.abs(v);
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return difference == 0;
        }
        return difference / scale < 1.5e-8;
    }
}
