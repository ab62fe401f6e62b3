package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Holidays;
import dev.qfl.stdlib.data.TimeSeries;
import java.util.List;

/**
 * The covariate inputs of the windows of one panel ({@link CovariateSchema}), computed once per
 * series: per step a window can touch, the dynamic covariates (normalised by the mean and spread
 * of the series' own history, 0 where unknown: before the series and beyond its known future) and
 * the number of public holidays; per series, its past covariates normalised the same way and the
 * code of each static attribute.
 */
final class CovariateFeatures {
    private final CovariateSchema schema;
    private final int context;
    private final int horizon;
    private final int perStep;
    /** Per series, the step features of steps −context .. length + horizon − 1 (offset by context). */
    private final float[][] stepsOf;
    /** Per series, its past covariates normalised (one array per covariate, over its length). */
    private final float[][][] pastOf;
    /** Per series, the code of each static attribute (−1: a value without a code). */
    private final int[][] codes;

    CovariateFeatures(WindowLayout layout, List<TimeSeries> series) {
        this.schema = layout.covariates();
        this.context = layout.context();
        this.horizon = layout.horizon();
        this.perStep = schema.stepFeatures();
        int n = series.size();
        stepsOf = new float[n][];
        pastOf = new float[n][][];
        codes = new int[n][];
        Holidays calendar = schema.calendar();
        for (int s = 0; s < n; s++) {
            TimeSeries ts = series.get(s);
            stepsOf[s] = steps(layout, ts, calendar);
            pastOf[s] = past(ts);
            codes[s] = schema.codes(ts);
        }
    }

    private float[] steps(WindowLayout layout, TimeSeries ts, Holidays calendar) {
        int steps = context + ts.length() + horizon;
        float[] out = new float[steps * perStep];
        if (perStep == 0) {
            return out;
        }
        double[][] dynamic = schema.dynamic() == 0 ? new double[0][] : ts.covariates().dynamic();
        CovariateSchema.Scaling scaling = CovariateSchema.Scaling.of(dynamic, ts.length());
        double[] holidays = calendar == null ? null : calendar.perStep(layout.frequency(), ts.timeAt(-context), steps);
        for (int i = 0; i < steps; i++) {
            int t = i - context;
            for (int c = 0; c < dynamic.length; c++) {
                if (t >= 0 && t < dynamic[c].length) {
                    out[i * perStep + c] = scaling.normalised(c, dynamic[c][t]);
                }
            }
            if (holidays != null) {
                out[i * perStep + dynamic.length] = (float) holidays[i];
            }
        }
        return out;
    }

    private float[][] past(TimeSeries ts) {
        if (schema.past() == 0) {
            return new float[0][];
        }
        double[][] past = ts.covariates().past();
        CovariateSchema.Scaling scaling = CovariateSchema.Scaling.of(past, ts.length());
        float[][] out = new float[past.length][];
        for (int c = 0; c < past.length; c++) {
            out[c] = new float[past[c].length];
            for (int t = 0; t < past[c].length; t++) {
                out[c][t] = scaling.normalised(c, past[c][t]);
            }
        }
        return out;
    }

    /** Writes the features of step {@code t} of series {@code s} (t may lie before 0 or past the end) at {@code at}. */
    void writeStep(int s, int t, float[] out, int at) {
        System.arraycopy(stepsOf[s], (t + context) * perStep, out, at, perStep);
    }

    /** Writes the window features of series {@code s} for a window ending before {@code origin} at {@code at}. */
    void writeWindow(int s, int origin, float[] out, int at) {
        int i = at;
        for (float[] past : pastOf[s]) {
            double sum = 0;
            int count = 0;
            float last = 0f;
            for (int t = Math.max(0, origin - context); t < Math.min(origin, past.length); t++) {
                sum += past[t];
                count++;
                last = past[t];
            }
            out[i++] = last;
            out[i++] = count == 0 ? 0f : (float) (sum / count);
        }
        List<List<String>> vocabulary = schema.vocabulary();
        for (int a = 0; a < vocabulary.size(); a++) {
            if (codes[s][a] >= 0) {
                out[i + codes[s][a]] = 1f;
            }
            i += vocabulary.get(a).size();
        }
    }

    /** Refuses a forecast of series {@code ts} whose horizon runs past its known covariates (QF3160). */
    void requireFuture(TimeSeries ts) {
        int known = ts.covariates().futureSteps();
        if (schema.dynamic() == 0 || known >= horizon) {
            return;
        }
        throw new QflException(CovariateSchema.FUTURE_MISSING, "series " + ts.id() + ": the covariates "
                + schema.spec().dynamic() + " are known " + known + " step" + (known == 1 ? "" : "s") + " past its last "
                + "value, but the model forecasts " + horizon + " (the first missing step is "
                + ts.timeAt(ts.length() + known).toLocalDate() + ")", null, "add rows with the covariates and an empty "
                + "value up to " + ts.timeAt(ts.length() + horizon - 1).toLocalDate() + ", or use a model with a "
                + "shorter horizon", null);
    }
}
