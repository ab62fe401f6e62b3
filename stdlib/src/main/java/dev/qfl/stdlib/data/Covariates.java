package dev.qfl.stdlib.data;

import java.util.Arrays;
import java.util.List;

/**
 * The covariates of one series, aligned with its steps: step {@code i} is the series' time
 * {@code start + i}. Dynamic covariates (known in the future) run past the series' last value by
 * {@link #futureSteps()}; past covariates end with the series; static attributes are one text
 * per attribute. Immutable: arrays are copied in and out.
 *
 * @param dynamic     per dynamic covariate (in the order of {@link CovariateSpec#dynamic()}), its
 *                    values at steps 0 .. length + futureSteps − 1
 * @param past        per past covariate, its values at steps 0 .. length − 1
 * @param statics     per static attribute, the series' value
 * @param futureSteps how many steps after the series' last value every dynamic covariate is known
 */
public record Covariates(double[][] dynamic, double[][] past, List<String> statics, int futureSteps) {

    /** A series without covariates. */
    public static final Covariates NONE = new Covariates(new double[0][], new double[0][], List.of(), 0);

    public Covariates {
        dynamic = deepCopy(dynamic);
        past = deepCopy(past);
        statics = List.copyOf(statics);
        if (futureSteps < 0) {
            throw new IllegalArgumentException("futureSteps must be >= 0");
        }
    }

    @Override
    public double[][] dynamic() {
        return deepCopy(dynamic);
    }

    @Override
    public double[][] past() {
        return deepCopy(past);
    }

    /** Dynamic covariate {@code c} at step {@code i} (NaN beyond what is known). */
    public double dynamicAt(int c, int i) {
        return i >= 0 && i < dynamic[c].length ? dynamic[c][i] : Double.NaN;
    }

    /** Past covariate {@code c} at step {@code i} (NaN beyond what is known). */
    public double pastAt(int c, int i) {
        return i >= 0 && i < past[c].length ? past[c][i] : Double.NaN;
    }

    /** Number of dynamic covariates. */
    public int dynamicCount() {
        return dynamic.length;
    }

    /** Number of past covariates. */
    public int pastCount() {
        return past.length;
    }

    /**
     * The covariates of the series cut to its first {@code length} steps (a backtest's training
     * part): dynamic covariates keep every value they have, since the held-out steps' covariates
     * are known in the future, which is what a backtest forecasts; past covariates are cut.
     */
    Covariates head(int oldLength, int length) {
        double[][] cut = new double[past.length][];
        for (int c = 0; c < past.length; c++) {
            cut[c] = Arrays.copyOf(past[c], Math.min(length, past[c].length));
        }
        return new Covariates(dynamic, cut, statics, futureSteps + (oldLength - length));
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Covariates c && Arrays.deepEquals(dynamic, c.dynamic) && Arrays.deepEquals(past, c.past)
                && statics.equals(c.statics) && futureSteps == c.futureSteps;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(dynamic) + Arrays.deepHashCode(past)) + statics.hashCode() + futureSteps;
    }

    @Override
    public String toString() {
        return "Covariates[dynamic=" + dynamic.length + ", past=" + past.length + ", statics=" + statics
                + ", future=" + futureSteps + "]";
    }
}
