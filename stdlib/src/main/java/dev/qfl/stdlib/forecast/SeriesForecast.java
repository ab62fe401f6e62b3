package dev.qfl.stdlib.forecast;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.dist.QuantileFunction;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The forecast of one series from its origin (last observation): one marginal quantile function
 * per horizon step 1..H, and, for models that learn the joint distribution over the horizon, a
 * sampler of joint paths.
 *
 * @param id        series id
 * @param frequency the series' frequency
 * @param origin    time of the last observation; step h is {@code origin + h steps}
 * @param steps     marginal quantile functions, index 0 is horizon 1
 * @param joint     joint distribution over the horizon, or null for univariate models
 */
public record SeriesForecast(String id, Frequency frequency, LocalDateTime origin,
                             List<QuantileFunction> steps, JointDistribution joint) {

    public SeriesForecast {
        steps = List.copyOf(steps);
        if (joint != null && joint.dimension() != steps.size()) {
            throw new IllegalArgumentException("joint dimension " + joint.dimension() + " != horizon " + steps.size());
        }
    }

    public int horizon() {
        return steps.size();
    }

    /** Marginal at horizon step {@code h} (1-based). */
    public QuantileFunction step(int h) {
        return steps.get(h - 1);
    }

    public LocalDateTime timeAt(int h) {
        return frequency.advance(origin, h);
    }

    public Optional<JointDistribution> jointDistribution() {
        return Optional.ofNullable(joint);
    }

    /**
     * The joint distribution, or for a univariate model its steps sampled independently. Only for
     * callers that were told independence may be assumed (or that say in their output that they did).
     */
    public JointDistribution jointOrIndependent() {
        return joint != null ? joint : new IndependentJoint(steps);
    }
}
