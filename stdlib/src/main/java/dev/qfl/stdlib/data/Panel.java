package dev.qfl.stdlib.data;

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
 */
public record Panel(String name, Frequency frequency, List<TimeSeries> series, Support support,
                    String fingerprint, String source) {

    public Panel {
        series = List.copyOf(series);
    }

    public Optional<TimeSeries> find(String id) {
        return series.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The same panel with every series cut to its first points (for backtests). */
    public Panel withSeries(List<TimeSeries> replacement, String fingerprintSuffix) {
        return new Panel(name, frequency, replacement, support, fingerprint + fingerprintSuffix, source);
    }
}
