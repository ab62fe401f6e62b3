package dev.qfl.stdlib.models.theta;

/**
 * The four theta models of Fiorucci et al. (2016), "Models for optimising the theta method and
 * their relationship to state space models". All share the state-space form
 *
 * <pre>
 *   y_t = μ_t + ε_t,   ε_t ~ N(0, σ²)
 *   μ_t = ℓ_{t-1} + (1 − 1/θ)·[A·(1−α)^(t−1) + B·(1 − (1−α)^t)/α]
 *   ℓ_t = α·y_t + (1−α)·ℓ_{t-1}
 * </pre>
 *
 * and differ in whether θ is estimated (otherwise it is 2, the classical theta method) and whether
 * the trend line A + B·t is the least-squares line of the whole sample (static) or of the points
 * seen so far, updated at every step (dynamic).
 */
public enum ThetaVariant {
    /** Standard theta model: θ = 2, static trend line (the classical method of Assimakopoulos and Nikolopoulos). */
    STM(false, false),
    /** Optimised theta model: θ ≥ 1 estimated, static trend line. */
    OTM(true, false),
    /** Dynamic standard theta model: θ = 2, trend line refitted after every observation. */
    DSTM(false, true),
    /** Dynamic optimised theta model: θ ≥ 1 estimated, trend line refitted after every observation. */
    DOTM(true, true);

    private final boolean estimatesTheta;
    private final boolean dynamic;

    ThetaVariant(boolean estimatesTheta, boolean dynamic) {
        this.estimatesTheta = estimatesTheta;
        this.dynamic = dynamic;
    }

    /** Whether θ is estimated; otherwise it is fixed at 2. */
    public boolean estimatesTheta() {
        return estimatesTheta;
    }

    /** Whether the trend line (A, B) is updated with every observation, in sample and over the horizon. */
    public boolean dynamic() {
        return dynamic;
    }
}
