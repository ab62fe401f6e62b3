package dev.qfl.stdlib.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /** The same panel with every series cut to its first points (for backtests). */
    public Panel withSeries(List<TimeSeries> replacement, String fingerprintSuffix) {
        return new Panel(name, frequency, replacement, support, fingerprint + fingerprintSuffix, source, path, covariates);
    }
}
