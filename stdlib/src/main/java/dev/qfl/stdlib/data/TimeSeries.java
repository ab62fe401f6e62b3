package dev.qfl.stdlib.data;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * One regular series: values at {@code start}, {@code start + 1 step}, ... Values that were missing
 * in the source and filled in are marked unobserved so models can leave them out of their loss.
 *
 * <p>The arrays are copied on the way in and out; the record is immutable. A series read with
 * {@code covariates:}, {@code past:} or {@code static:} carries them, aligned with its steps
 * ({@link Covariates}); otherwise {@link Covariates#NONE}.
 */
public record TimeSeries(String id, Frequency frequency, LocalDateTime start, double[] values, boolean[] observed,
                         Covariates covariates) {

    /** A series without covariates. */
    public TimeSeries(String id, Frequency frequency, LocalDateTime start, double[] values, boolean[] observed) {
        this(id, frequency, start, values, observed, Covariates.NONE);
    }

    public TimeSeries {
        Objects.requireNonNull(covariates, "covariates");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(start, "start");
        if (values.length != observed.length) {
            throw new IllegalArgumentException("values and observed differ in length");
        }
        values = values.clone();
        observed = observed.clone();
    }

    /** A fully observed series. */
    public static TimeSeries of(String id, Frequency frequency, LocalDateTime start, double[] values) {
        boolean[] observed = new boolean[values.length];
        Arrays.fill(observed, true);
        return new TimeSeries(id, frequency, start, values, observed);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean[] observed() {
        return observed.clone();
    }

    public int length() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    public boolean isObserved(int index) {
        return observed[index];
    }

    public LocalDateTime timeAt(int index) {
        return frequency.advance(start, index);
    }

    /** Time of the last observation: the forecast origin. */
    public LocalDateTime end() {
        return timeAt(values.length - 1);
    }

    /** The first {@code length} points, e.g. the training part of a backtest window. */
    public TimeSeries head(int length) {
        return new TimeSeries(id, frequency, start, Arrays.copyOf(values, length), Arrays.copyOf(observed, length),
                covariates == Covariates.NONE ? covariates : covariates.head(values.length, length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && id.equals(t.id) && frequency == t.frequency
                && start.equals(t.start) && Arrays.equals(values, t.values) && Arrays.equals(observed, t.observed)
                && covariates.equals(t.covariates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, frequency, start, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[" + id + ", " + frequency.keyword() + ", " + start + ", n=" + values.length + "]";
    }
}
