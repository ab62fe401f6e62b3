package dev.qfl.stdlib.models.ets;

/**
 * One member of the ETS family: error, trend (possibly damped) and season types. Multiplicative trend
 * is not part of the family built here (R's {@code ets} leaves it out by default as well).
 */
record EtsSpec(boolean multiplicativeError, boolean trend, boolean damped, Season season) {

    enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    EtsSpec {
        if (damped && !trend) {
            throw new IllegalArgumentException("a damped ETS model needs a trend");
        }
    }

    boolean seasonal() {
        return season != Season.NONE;
    }

    /** Number of smoothing parameters (alpha, beta, gamma, phi) this model estimates. */
    int smoothingCount() {
        return 1 + (trend ? 1 : 0) + (seasonal() ? 1 : 0) + (damped ? 1 : 0);
    }

    /** Compact code such as {@code MAdM}. */
    String code() {
        return (multiplicativeError ? "M" : "A") + (trend ? (damped ? "Ad" : "A") : "N") + seasonLetter();
    }

    /** The usual notation, e.g. {@code ETS(M,Ad,M)}. */
    String label() {
        return "ETS(" + (multiplicativeError ? "M" : "A") + "," + (trend ? (damped ? "Ad" : "A") : "N") + ","
                + seasonLetter() + ")";
    }

    private String seasonLetter() {
        return switch (season) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case MULTIPLICATIVE -> "M";
        };
    }
}
