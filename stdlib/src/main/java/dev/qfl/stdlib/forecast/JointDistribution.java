package dev.qfl.stdlib.forecast;

import java.util.random.RandomGenerator;

/**
 * A distribution over a whole horizon path (steps 1..H jointly), known through samples. Joint
 * questions such as the quantile of lead-time demand Σ y_h are answered from such paths.
 */
public interface JointDistribution {

    int dimension();

    /** {@code paths} joint draws, each of length {@link #dimension()}. */
    double[][] sample(int paths, RandomGenerator random);
}
