package dev.qfl.stdlib.models.theta;

import java.util.random.RandomGenerator;

/**
 * One fitted theta state-space model on the (seasonally adjusted) series, and what it implies
 * for the steps after the sample. The forecast recursion is the model's own: the mean runs it with
 * zero errors; paths run it with N(0, σ²) errors, so a path's later steps feel its earlier ones
 * through the level and, for the dynamic variants, through the refitted trend line.
 *
 * @param variant      which of the four models
 * @param alpha        smoothing weight of the level
 * @param theta        θ (2 for the standard models)
 * @param initialLevel ℓ0, the level before the first observation
 * @param mse          mean squared one-step error over the points that count (after the burn-in)
 * @param sigma2       error variance used for forecasting
 * @param state        level, running mean and trend line after the last observation
 */
record ThetaModel(ThetaVariant variant, double alpha, double theta, double initialLevel, double mse, double sigma2,
                  State state) {

    /**
     * State after the n-th observation: level ℓ_n, mean of y_1..y_n, and the trend line A + B·t used
     * in the next step's drift.
     */
    record State(int n, double level, double meanY, double a, double b) {
    }

    /** The weight of the trend line in μ: 1 − 1/θ. */
    double trendWeight() {
        return 1 - 1 / theta;
    }

    /** The drift term of μ at 0-based time t: A·q^t + B·(1 − q^(t+1))/α with q = 1 − α. */
    static double drift(double a, double b, double alpha, double qPowT) {
        return a * qPowT + b * (1 - qPowT * (1 - alpha)) / alpha;
    }

    /** Mean forecast of steps 1..horizon on the adjusted scale. */
    double[] mean(int horizon) {
        return project(horizon, false)[0];
    }

    /**
     * Forecast variance of steps 1..horizon on the adjusted scale. Every state is affine in the
     * future errors, so the coefficient of each error in each state is carried forward exactly;
     * for the static variants this reduces to SES's σ²·(1 + (h−1)·α²).
     */
    double[] variance(int horizon) {
        return project(horizon, true)[1];
    }

    private double[][] project(int horizon, boolean withVariance) {
        double q = 1 - alpha;
        double k = trendWeight();
        boolean dynamic = variant.dynamic();
        double level = state.level();
        double meanY = state.meanY();
        double a = state.a();
        double b = state.b();
        double[] mean = new double[horizon];
        double[] variance = new double[horizon];
        // coefficients of the future errors ε_1..ε_H in each state component
        double[] cLevel = new double[horizon];
        double[] cMean = new double[horizon];
        double[] cA = new double[horizon];
        double[] cB = new double[horizon];
        double[] cY = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            int t = state.n() + j;
            double qPowT = Math.pow(q, t);
            double growth = (1 - qPowT * q) / alpha;
            double mu = level + k * drift(a, b, alpha, qPowT);
            mean[j] = mu;
            if (withVariance) {
                double sum = 1;
                for (int i = 0; i < j; i++) {
                    cY[i] = cLevel[i] + k * (cA[i] * qPowT + cB[i] * growth);
                    sum += cY[i] * cY[i];
                }
                cY[j] = 1;
                variance[j] = sigma2 * sum;
                for (int i = 0; i <= j; i++) {
                    cLevel[i] = alpha * cY[i] + q * cLevel[i];
                }
                if (dynamic) {
                    for (int i = 0; i <= j; i++) {
                        double newMean = (t * cMean[i] + cY[i]) / (t + 1);
                        double newB = ((t - 1) * cB[i] + 6 * (cY[i] - cMean[i]) / (t + 1)) / (t + 2);
                        cMean[i] = newMean;
                        cB[i] = newB;
                        cA[i] = newMean - newB * (t + 2) / 2;
                    }
                }
            }
            level = alpha * mu + q * level;
            if (dynamic) {
                double newMean = (t * meanY + mu) / (t + 1);
                b = ((t - 1) * b + 6 * (mu - meanY) / (t + 1)) / (t + 2);
                meanY = newMean;
                a = meanY - b * (t + 2) / 2;
            }
        }
        return new double[][] {mean, variance};
    }

    /** {@code count} sample paths of steps 1..horizon on the adjusted scale, errors N(0, σ²). */
    double[][] paths(int horizon, int count, RandomGenerator random) {
        double q = 1 - alpha;
        double k = trendWeight();
        double sigma = Math.sqrt(sigma2);
        boolean dynamic = variant.dynamic();
        double[] qPow = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            qPow[j] = Math.pow(q, state.n() + j);
        }
        double[][] paths = new double[count][horizon];
        for (int p = 0; p < count; p++) {
            double level = state.level();
            double meanY = state.meanY();
            double a = state.a();
            double b = state.b();
            double[] path = paths[p];
            for (int j = 0; j < horizon; j++) {
                int t = state.n() + j;
                double y = level + k * drift(a, b, alpha, qPow[j]) + sigma * random.nextGaussian();
                path[j] = y;
                level = alpha * y + q * level;
                if (dynamic) {
                    double newMean = (t * meanY + y) / (t + 1);
                    b = ((t - 1) * b + 6 * (y - meanY) / (t + 1)) / (t + 2);
                    meanY = newMean;
                    a = meanY - b * (t + 2) / 2;
                }
            }
        }
        return paths;
    }
}
