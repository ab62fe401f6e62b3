package dev.qfl.check;

import dev.qfl.diag.Span;
import dev.qfl.stdlib.data.Frequency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a declared name stands for, as known to the checker. */
public sealed interface Symbol {

    String name();

    /** Where it was declared (for "first defined at" hints). */
    Span span();

    /** The value kind of a reference to the name. */
    ValueKind kind();

    /**
     * A {@code series} declaration.
     *
     * @param path      the data file as written
     * @param options   checked csv options (time, value, id, freq, fill, support)
     * @param frequency frequency when given in the script, else null (inferred at load)
     * @param query     for {@code sql(...)} and {@code parquet(...)}: what to run, else null (csv); then
     *                  {@code path} is the Parquet path, or "." (the script's folder, which relative
     *                  paths inside an embedded query resolve against)
     */
    record SeriesSymbol(String name, Span span, String path, Map<String, Object> options, Frequency frequency,
                        QuerySource query) implements Symbol {
        public SeriesSymbol {
            options = Map.copyOf(options);
        }

        /** A series read from a CSV file. */
        public SeriesSymbol(String name, Span span, String path, Map<String, Object> options, Frequency frequency) {
            this(name, span, path, options, frequency, null);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.SERIES;
        }
    }

    /**
     * A {@code model} declaration.
     *
     * @param modelKind kind name (iqf, seasonal_naive, ...), or null when invalid
     * @param series    the series it is declared on, or null when invalid
     * @param options   checked option values as written (defaults are filled when the data is known)
     * @param horizon   declared horizon, or 0 when unknown before running (loaded models)
     * @param joint     whether it answers joint questions over the horizon
     * @param loadPath  for {@code load("file")}: the file, else null
     * @param members   for {@code ensemble(m1, m2, ...)}: the members' names, else empty
     */
    record ModelSymbol(String name, Span span, String modelKind, String series, Map<String, Object> options,
                       int horizon, boolean joint, String loadPath, List<String> members) implements Symbol {
        public ModelSymbol {
            options = Map.copyOf(options);
            members = List.copyOf(members);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.MODEL;
        }

        public Optional<String> seriesName() {
            return Optional.ofNullable(series);
        }
    }

    /**
     * A {@code let} binding.
     *
     * @param kind     its value kind
     * @param columns  for tables: the column names (for checking {@code where} and exports)
     * @param constant for constants known before running (numbers, strings, lists): the value; else null
     */
    record LetSymbol(String name, Span span, ValueKind kind, List<String> columns, Object constant) implements Symbol {
        public LetSymbol {
            columns = List.copyOf(columns);
        }
    }
}
