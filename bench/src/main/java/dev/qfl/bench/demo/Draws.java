package dev.qfl.bench.demo;

import java.util.Random;

/** Random draws for the demo data, built only on bit-reproducible operations. */
final class Draws {
    /** Day-to-day spread of the mean on top of Poisson noise: real demand is overdispersed. */
    private static final double MEAN_NOISE = 0.15;

    private Draws() {
    }

    /**
     * A Poisson count whose mean is itself jittered by a log-normal factor with mean 1, so counts
     * vary more than a pure Poisson, as shop demand does.
     */
    static int noisyPoisson(double mean, Random random) {
        double jitter = StrictMath.exp(MEAN_NOISE * random.nextGaussian() - MEAN_NOISE * MEAN_NOISE / 2);
        return poisson(mean * jitter, random);
    }

    /**
     * Poisson by inversion: walk up the CDF until it passes a uniform draw. Fine for the means the
     * demo uses (below a few hundred, where e^{−mean} is still a normal double).
     */
    static int poisson(double mean, Random random) {
        if (!(mean >= 0 && mean < 500)) {
            throw new IllegalArgumentException("demo Poisson mean out of range: " + mean);
        }
        double u = random.nextDouble();
        double p = StrictMath.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && p > 0) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }
}
