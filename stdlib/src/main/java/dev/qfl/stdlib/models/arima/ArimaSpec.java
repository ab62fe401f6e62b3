package dev.qfl.stdlib.models.arima;

/**
 * The structure of one seasonal ARIMA(p,d,q)(P,D,Q)[m] model, without its coefficients.
 *
 * <p>{@code constant} is the intercept when d + D = 0 and the drift (slope per step of the
 * undifferenced series) when d + D = 1; it cannot be set when d + D >= 2 (as in R's Arima).
 * The estimated parameter vector is laid out as φ1..φp, θ1..θq, Φ1..ΦP, Θ1..ΘQ, then the constant.
 */
record ArimaSpec(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int season, boolean constant) {

    ArimaSpec {
        if (season < 1) {
            throw new IllegalArgumentException("arima's season must be at least 1, got " + season);
        }
        if (season == 1 && (seasonalP != 0 || seasonalD != 0 || seasonalQ != 0)) {
            // A season of one has no seasonal part; its orders are folded away rather than rejected.
            seasonalP = 0;
            seasonalD = 0;
            seasonalQ = 0;
        }
        if (constant && d + seasonalD > 1) {
            throw new IllegalArgumentException("arima cannot include a constant with " + (d + seasonalD)
                    + " differences (d + D must be at most 1)");
        }
    }

    /** Number of estimated coefficients (the constant included, the variance not). */
    int coefficientCount() {
        return p + q + seasonalP + seasonalQ + (constant ? 1 : 0);
    }

    int armaCount() {
        return p + q + seasonalP + seasonalQ;
    }

    /** Degree of the expanded AR polynomial φ(B)Φ(B^m). */
    int arDegree() {
        return p + season * seasonalP;
    }

    /** Degree of the expanded MA polynomial θ(B)Θ(B^m). */
    int maDegree() {
        return q + season * seasonalQ;
    }

    /** Observations lost to differencing. */
    int differencingLoss() {
        return d + season * seasonalD;
    }

    /**
     * What the constant becomes in the differenced series: the mean itself (d + D = 0), the drift
     * (one first difference) or m times the drift (one seasonal difference of the trend line).
     */
    double constantScale() {
        return seasonalD == 1 ? season : 1.0;
    }

    /** R's style: ARIMA(p,d,q)(P,D,Q)[m] with drift / with non-zero mean. */
    String label() {
        StringBuilder text = new StringBuilder("ARIMA(").append(p).append(',').append(d).append(',').append(q)
                .append(')');
        if (season > 1 && seasonalP + seasonalD + seasonalQ > 0) {
            text.append('(').append(seasonalP).append(',').append(seasonalD).append(',').append(seasonalQ)
                    .append(")[").append(season).append(']');
        }
        if (constant) {
            text.append(d + seasonalD == 0 ? " with non-zero mean" : " with drift");
        }
        return text.toString();
    }
}
