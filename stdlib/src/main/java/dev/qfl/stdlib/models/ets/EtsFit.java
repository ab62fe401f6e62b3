package dev.qfl.stdlib.models.ets;

import dev.qfl.stdlib.models.local.SeriesFit;
import java.util.random.RandomGenerator;

/**
 * An ETS model fitted to one series: the model form, its parameters, the state after the last
 * observation and the innovation variance. Immutable.
 *
 * <p>{@link #mean} is the expected value of each future step (for multiplicative seasonality it includes
 * the small correction from the season and level errors compounding); {@link #variance} is the closed
 * form of the model's class (every model fitted here has one); {@link #paths} simulates the fitted
 * state space with errors N(0, sigma2), relative errors for multiplicative error models (bounded below
 * by -1 so a path never crosses zero, as R does).
 */
public final class EtsFit implements SeriesFit {

    private final EtsSpec spec;
    private final int m;
    private final EtsParameters parameters;
    private final double[] finalState;
    private final double sigma2;
    private final double logLikelihood;
    private final double aicc;
    private final int observations;

    EtsFit(EtsSpec spec, int m, EtsParameters parameters, double[] finalState, double sigma2, double logLikelihood,
           double aicc, int observations) {
        this.spec = spec;
        this.m = m;
        this.parameters = parameters;
        this.finalState = finalState.clone();
        this.sigma2 = sigma2;
        this.logLikelihood = logLikelihood;
        this.aicc = aicc;
        this.observations = observations;
    }

    /** This fit with its innovation variance raised to at least {@code floor} (see {@link Ets} on constant series). */
    EtsFit withVarianceAtLeast(double floor) {
        if (sigma2 >= floor) {
            return this;
        }
        return new EtsFit(spec, m, parameters, finalState, floor, logLikelihood, aicc, observations);
    }

    @Override
    public String label() {
        return spec.label();
    }

    /** The model code, e.g. {@code MAdM}. */
    public String model() {
        return spec.code();
    }

    EtsSpec spec() {
        return spec;
    }

    /** Season length the model uses (1 when it has no seasonal component). */
    public int seasonLength() {
        return m;
    }

    /** Smoothing parameters and initial states. */
    public EtsParameters parameters() {
        return parameters;
    }

    /** State after the last observation, {@code [level, slope?, s_0 .. s_{m-1}]} with {@code s_0} used next. */
    public double[] finalState() {
        return finalState.clone();
    }

    /**
     * Log-likelihood as R's {@code ets} reports it: {@code -0.5 (n log(SSE) + 2 sum log|yhat|)}, i.e. without
     * the constant {@code -n/2 (1 + log(2 pi / n))}; relative errors and the second sum for multiplicative error.
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** AICc from {@link #logLikelihood()} with every smoothing parameter, initial state and sigma counted. */
    public double aicc() {
        return aicc;
    }

    /** Innovation variance: sum of squared (relative, for multiplicative error) errors over n minus the parameters. */
    public double sigma2() {
        return sigma2;
    }

    /** Number of observations fitted. */
    public int observations() {
        return observations;
    }

    @Override
    public double[] mean(int horizon) {
        checkHorizon(horizon);
        return EtsForecasts.mean(spec, m, parameters, finalState, sigma2, horizon);
    }

    @Override
    public double[] variance(int horizon) {
        checkHorizon(horizon);
        return EtsForecasts.variance(spec, m, parameters, finalState, sigma2, horizon);
    }

    @Override
    public double[][] paths(int horizon, int count, RandomGenerator random) {
        checkHorizon(horizon);
        if (count < 0) {
            throw new IllegalArgumentException("the number of paths must not be negative; got " + count);
        }
        final double[][] paths = new double[count][horizon];
        final double sigma = Math.sqrt(sigma2);
        final double phi = spec.damped() ? parameters.phi() : 1.0;
        final double alpha = parameters.alpha();
        final double betaOverAlpha = spec.trend() ? parameters.beta() / alpha : 0.0;
        final double gamma = spec.seasonal() ? parameters.gamma() : 0.0;
        final int seasonStart = spec.trend() ? 2 : 1;
        final boolean additiveSeason = spec.season() == EtsSpec.Season.ADDITIVE;
        final boolean multiplicativeSeason = spec.season() == EtsSpec.Season.MULTIPLICATIVE;
        final double[] seasons = new double[spec.seasonal() ? m : 0];
        for (int i = 0; i < count; i++) {
            double level = finalState[0];
            double slope = spec.trend() ? finalState[1] : 0.0;
            System.arraycopy(finalState, seasonStart, seasons, 0, seasons.length);
            int slot = 0;
            for (int step = 0; step < horizon; step++) {
                final double season = spec.seasonal() ? seasons[slot] : 0.0;
                final double dampedSlope = phi * slope;
                final double base = level + dampedSlope;
                final double forecast = additiveSeason ? base + season : (multiplicativeSeason ? base * season : base);
                final double error = sigma * random.nextGaussian();
                final double value = spec.multiplicativeError()
                        ? forecast * (1.0 + Math.max(-1.0, error)) : forecast + error;
                paths[i][step] = value;
                final double adjusted = additiveSeason ? value - season
                        : (multiplicativeSeason ? value / season : value);
                final double newLevel = base + alpha * (adjusted - base);
                slope = dampedSlope + betaOverAlpha * (newLevel - level - dampedSlope);
                if (spec.seasonal()) {
                    final double detrended = additiveSeason ? value - base : value / base;
                    seasons[slot] = season + gamma * (detrended - season);
                    slot = slot + 1 == m ? 0 : slot + 1;
                }
                level = newLevel;
            }
        }
        return paths;
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("the forecast horizon must be at least 1; got " + horizon);
        }
    }

    @Override
    public String toString() {
        return label() + " sigma2=" + sigma2 + " logLik=" + logLikelihood + " AICc=" + aicc;
    }
}
