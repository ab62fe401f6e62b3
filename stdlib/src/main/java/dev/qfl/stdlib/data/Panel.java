package dev.qfl.stdlib.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A set of series of one frequency, loaded from one source: what a {@code series} declaration names.
 * Models are global over a panel: one model learns from all of its series.
 *
 * @param name        the declared name
 * @param frequency   common frequency
 * @param series      the series, in the order of first appearance in the source
 * @param support     where values can lie
 * @param fingerprint a digest of the source bytes and load options; equal fingerprints mean equal data
 * @param source      a short description of where the data came from (a file name)
 * @param path        the absolute path of the file read, or null when the panel was not read from a file
 * @param covariates  which covariates its series carry and the holiday calendar ({@link CovariateSpec#NONE}
 *                    when none): what a model trained on it needs of every panel it forecasts
 */
public record Panel(String name, Frequency frequency, List<TimeSeries> series, Support support,
                    String fingerprint, String source, Path path, CovariateSpec covariates) {

    public Panel {
        series = List.copyOf(series);
        java.util.Objects.requireNonNull(covariates, "covariates");
    }

    /** A panel without covariates. */
    public Panel(String name, Frequency frequency, List<TimeSeries> series, Support support, String fingerprint,
                 String source, Path path) {
        this(name, frequency, series, support, fingerprint, source, path, CovariateSpec.NONE);
    }

    /** A panel that was not read from a file (generated, or cut from another). */
    public Panel(String name, Frequency frequency, List<TimeSeries> series, Support support, String fingerprint,
                 String source) {
        this(name, frequency, series, support, fingerprint, source, null);
    }

    public Optional<TimeSeries> find(String id) {
        return series.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * A what-if panel: the future values (the steps after each series' last value) of dynamic
     * covariate {@code name} replaced by {@code change} of their planned values; the history, the
     * other covariates and the values are kept. Its fingerprint differs, so nothing fitted or
     * forecast on this panel is mistaken for this one's.
     *
     * @param describe a short text of the change, part of the new fingerprint
     * @throws IllegalArgumentException if {@code name} is not one of the panel's dynamic covariates
     */
    public Panel withFutureCovariate(String name, DoubleUnaryOperator change, String describe) {
        int c = covariates.dynamic().indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("not a dynamic covariate of " + this.name + ": " + name);
        }
        List<TimeSeries> changed = series.stream().map(s -> {
            Covariates old = s.covariates();
            double[][] dynamic = old.dynamic();
            for (int i = s.length(); i < dynamic[c].length; i++) {
                dynamic[c][i] = change.applyAsDouble(dynamic[c][i]);
            }
            Covariates replaced = new Covariates(dynamic, old.past(), old.statics(), old.futureSteps());
            return new TimeSeries(s.id(), s.frequency(), s.start(), s.values(), s.observed(), replaced);
        }).toList();
        return new Panel(this.name, frequency, changed, support, fingerprint + WHAT_IF + name + " = " + describe,
                source, path, covariates);
    }

    /** What a what-if panel's fingerprint adds to the one it was made from. */
    private static final String WHAT_IF = ";with ";

    /**
     * Whether this panel was made from one with fingerprint {@code fitted} by {@link #withFutureCovariate}:
     * the same history, other future covariates, so a model fitted on that one forecasts it as it is.
     */
    public boolean isWhatIfOf(String fitted) {
        return fingerprint.startsWith(fitted + WHAT_IF);
    }

    /** The same panel with every series cut to its first points (for backtests). */
    public Panel withSeries(List<TimeSeries> replacement, String fingerprintSuffix) {
        return new Panel(name, frequency, replacement, support, fingerprint + fingerprintSuffix, source, path, covariates);
    }
}
