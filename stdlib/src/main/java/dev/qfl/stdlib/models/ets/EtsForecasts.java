package dev.qfl.stdlib.models.ets;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Forecast means and variances in closed form (Hyndman, Koehler, Ord &amp; Snyder 2008, ch. 6): class 1
 * (additive error, additive or no trend and season), class 2 (the same with multiplicative error) and
 * class 3 (multiplicative error and season). Every model {@link Ets} fits is in one of these classes.
 *
 * <p>States arrive in the {@link EtsFilter} layout ({@code s_0} is the next seasonal term).
 */
final class EtsForecasts {

    private EtsForecasts() {
    }

    /** Means of steps 1..h. */
    static double[] mean(EtsSpec spec, int m, EtsParameters p, double[] state, double sigma2, int h) {
        if (spec.season() == EtsSpec.Season.MULTIPLICATIVE) {
            return classThree(spec, m, p, state, sigma2, h, false)[0];
        }
        return pointForecast(spec, m, p, state, h);
    }

    /** Variances of steps 1..h. */
    static double[] variance(EtsSpec spec, int m, EtsParameters p, double[] state, double sigma2, int h) {
        if (spec.season() == EtsSpec.Season.MULTIPLICATIVE) {
            return classThree(spec, m, p, state, sigma2, h, true)[1];
        }
        final double[] c = impulseWeights(spec, m, p, h);
        final double[] variance = new double[h];
        if (!spec.multiplicativeError()) {
            double cumulative = 0.0;
            for (int j = 0; j < h; j++) {
                variance[j] = sigma2 * (1.0 + cumulative);
                cumulative += c[j + 1] * c[j + 1];
            }
            return variance;
        }
        // Class 2: theta_j = mu_j^2 + sigma2 * sum_{i<j} c_i^2 theta_{j-i}; var_j = (1 + sigma2) theta_j - mu_j^2.
        final double[] mu = pointForecast(spec, m, p, state, h);
        final double[] theta = new double[h + 1];
        for (int j = 1; j <= h; j++) {
            double sum = 0.0;
            for (int i = 1; i < j; i++) {
                sum += c[i] * c[i] * theta[j - i];
            }
            theta[j] = mu[j - 1] * mu[j - 1] + sigma2 * sum;
            variance[j - 1] = (1.0 + sigma2) * theta[j] - mu[j - 1] * mu[j - 1];
        }
        return variance;
    }

    /** The noise-free path: level plus damped slopes, plus or times the seasonal term. */
    static double[] pointForecast(EtsSpec spec, int m, EtsParameters p, double[] state, int h) {
        final double phi = spec.damped() ? p.phi() : 1.0;
        final int seasonStart = spec.trend() ? 2 : 1;
        final double[] forecast = new double[h];
        double dampedSum = 0.0;
        double power = 1.0;
        for (int j = 0; j < h; j++) {
            power *= phi;
            dampedSum += power;
            double value = state[0] + (spec.trend() ? dampedSum * state[1] : 0.0);
            if (spec.season() == EtsSpec.Season.ADDITIVE) {
                value += state[seasonStart + j % m];
            } else if (spec.season() == EtsSpec.Season.MULTIPLICATIVE) {
                value *= state[seasonStart + j % m];
            }
            forecast[j] = value;
        }
        return forecast;
    }

    /**
     * c_j = alpha + beta (phi + ... + phi^j) + gamma [j is a multiple of m], j = 1..h (index 0 unused):
     * how much an error now moves the forecast j steps later.
     */
    static double[] impulseWeights(EtsSpec spec, int m, EtsParameters p, int h) {
        final double phi = spec.damped() ? p.phi() : 1.0;
        final double[] c = new double[h + 1];
        double dampedSum = 0.0;
        double power = 1.0;
        for (int j = 1; j <= h; j++) {
            power *= phi;
            dampedSum += power;
            double value = p.alpha();
            if (spec.trend()) {
                value += p.beta() * dampedSum;
            }
            if (spec.seasonal() && j % m == 0) {
                value += p.gamma();
            }
            c[j] = value;
        }
        return c;
    }

    /**
     * Class 3: with x1 = (level, slope) and x2 the seasonal terms, y = H1 x1 x2' H2' (1 + e) and
     * M = x1 x2' evolves as (F1 + G1 e) M (F2 + G2 e)'. The mean and covariance of vec(M) follow by
     * recursion; the Kronecker products act on vec(M) taken column by column.
     *
     * @param withVariances false skips the covariance recursion (by far the costlier part; the means do not
     *                      depend on it) and leaves the variances at zero
     * @return {means, variances}
     */
    static double[][] classThree(EtsSpec spec, int m, EtsParameters p, double[] state, double sigma2, int h,
                                 boolean withVariances) {
        final int d1 = spec.trend() ? 2 : 1;
        final double phi = spec.damped() ? p.phi() : 1.0;
        final double alpha = p.alpha();
        final double beta = spec.trend() ? p.beta() : 0.0;
        final RealMatrix h1 = new Array2DRowRealMatrix(1, d1);
        final RealMatrix f1 = new Array2DRowRealMatrix(d1, d1);
        final RealMatrix g1 = new Array2DRowRealMatrix(d1, d1);
        h1.setEntry(0, 0, 1.0);
        f1.setEntry(0, 0, 1.0);
        g1.setEntry(0, 0, alpha);
        if (d1 == 2) {
            // level and slope both move with (level + phi * slope), the one-step base forecast
            h1.setEntry(0, 1, phi);
            f1.setEntry(0, 1, phi);
            f1.setEntry(1, 1, phi);
            g1.setEntry(0, 1, alpha * phi);
            g1.setEntry(1, 0, beta);
            g1.setEntry(1, 1, beta * phi);
        }
        // Seasonal block in "most recent first" order: index 0 is the latest term, m - 1 the next one used.
        final RealMatrix h2 = new Array2DRowRealMatrix(1, m);
        h2.setEntry(0, m - 1, 1.0);
        final RealMatrix f2 = new Array2DRowRealMatrix(m, m);
        f2.setEntry(0, m - 1, 1.0);
        for (int i = 1; i < m; i++) {
            f2.setEntry(i, i - 1, 1.0);
        }
        final RealMatrix g2 = new Array2DRowRealMatrix(m, m);
        g2.setEntry(0, m - 1, p.gamma());
        final int seasonStart = d1;
        RealMatrix level = new Array2DRowRealMatrix(d1, m);
        for (int i = 0; i < d1; i++) {
            for (int j = 0; j < m; j++) {
                level.setEntry(i, j, state[i] * state[seasonStart + (m - 1 - j)]);
            }
        }
        final RealMatrix h21 = kronecker(h2, h1);
        final RealMatrix f21 = kronecker(f2, f1);
        final RealMatrix g21 = kronecker(g2, g1);
        final RealMatrix k = kronecker(g2, f1).add(kronecker(f2, g1));
        final int size = d1 * m;
        RealMatrix covariance = new Array2DRowRealMatrix(size, size);
        final double[] means = new double[h];
        final double[] variances = new double[h];
        // The fixed transposes, taken once rather than at every step.
        final RealMatrix h2t = h2.transpose();
        final RealMatrix f2t = f2.transpose();
        final RealMatrix g2t = g2.transpose();
        final RealMatrix h21t = h21.transpose();
        final RealMatrix f21t = f21.transpose();
        final RealMatrix g21t = g21.transpose();
        final RealMatrix kt = k.transpose();
        for (int step = 0; step < h; step++) {
            final double mu = h1.multiply(level).multiply(h2t).getEntry(0, 0);
            means[step] = mu;
            if (withVariances) {
                final double spread = h21.multiply(covariance).multiply(h21t).getEntry(0, 0);
                variances[step] = (1.0 + sigma2) * spread + sigma2 * mu * mu;
                final RealMatrix vec = new Array2DRowRealMatrix(size, 1);
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < d1; i++) {
                        vec.setEntry(i + d1 * j, 0, level.getEntry(i, j));
                    }
                }
                final RealMatrix outer = vec.multiply(vec.transpose());
                final RealMatrix f21Covariance = f21.multiply(covariance);
                final RealMatrix cross = f21Covariance.multiply(g21t)
                        .add(g21.multiply(covariance).multiply(f21t))
                        .add(k.multiply(covariance.add(outer)).multiply(kt))
                        .add(g21.multiply(covariance.scalarMultiply(3.0).add(outer.scalarMultiply(2.0))).multiply(g21t)
                                .scalarMultiply(sigma2));
                covariance = f21Covariance.multiply(f21t).add(cross.scalarMultiply(sigma2));
            }
            level = f1.multiply(level).multiply(f2t)
                    .add(g1.multiply(level).multiply(g2t).scalarMultiply(sigma2));
        }
        return new double[][] {means, variances};
    }

    private static RealMatrix kronecker(RealMatrix a, RealMatrix b) {
        final int br = b.getRowDimension();
        final int bc = b.getColumnDimension();
        final RealMatrix product = new Array2DRowRealMatrix(a.getRowDimension() * br, a.getColumnDimension() * bc);
        for (int i = 0; i < a.getRowDimension(); i++) {
            for (int j = 0; j < a.getColumnDimension(); j++) {
                final double aij = a.getEntry(i, j);
                if (aij == 0.0) {
                    continue;
                }
                for (int r = 0; r < br; r++) {
                    for (int c = 0; c < bc; c++) {
                        product.setEntry(i * br + r, j * bc + c, aij * b.getEntry(r, c));
                    }
                }
            }
        }
        return product;
    }
}
