package dev.qfl.stdlib.models.theta;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The theta models' in-sample errors written straight from the equations of Fiorucci et al. (2016),
 * with the trend line from an ordinary least-squares regression (refitted at every step for the
 * dynamic models) rather than the recursive updates the implementation uses.
 */
final class ThetaReference {

    private ThetaReference() {
    }

    /** Sum of squared one-step errors after the 3-point burn-in. */
    static double sse(double[] y, boolean dynamic, double l0, double alpha, double theta) {
        int n = y.length;
        SimpleRegression whole = new SimpleRegression();
        for (int t = 1; t <= n; t++) {
            whole.addData(t, y[t - 1]);
        }
        SimpleRegression sofar = new SimpleRegression();
        double a = dynamic ? y[0] : whole.getIntercept();
        double b = dynamic ? 0 : whole.getSlope();
        double level = l0;
        double sse = 0;
        for (int t = 1; t <= n; t++) {
            double mu = level + (1 - 1 / theta) * (a * Math.pow(1 - alpha, t - 1) + b * (1 - Math.pow(1 - alpha, t)) / alpha);
            double e = y[t - 1] - mu;
            if (t > 3) {
                sse += e * e;
            }
            level = alpha * y[t - 1] + (1 - alpha) * level;
            if (dynamic) {
                sofar.addData(t, y[t - 1]);
                if (t >= 2) {
                    a = sofar.getIntercept();
                    b = sofar.getSlope();
                }
            }
        }
        return sse;
    }

    /** Ordinary least-squares intercept and slope of y against 1..n. */
    static double[] line(double[] y) {
        SimpleRegression regression = new SimpleRegression();
        for (int t = 1; t <= y.length; t++) {
            regression.addData(t, y[t - 1]);
        }
        return new double[] {regression.getIntercept(), regression.getSlope()};
    }
}
