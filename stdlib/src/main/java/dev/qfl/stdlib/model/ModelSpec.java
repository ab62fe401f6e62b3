package dev.qfl.stdlib.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fully resolved model specification: the kind and every option value, defaults filled in.
 * Two equal specs on equal data give the same model, which is what the model cache keys on.
 *
 * @param kind    model kind, e.g. {@code iqf}
 * @param options option values by name (sorted, immutable)
 */
public record ModelSpec(String kind, Map<String, Object> options) {

    public ModelSpec {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public int horizon() {
        return intOption("horizon");
    }

    public int intOption(String name) {
        return ((Number) require(name)).intValue();
    }

    public double numberOption(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public String stringOption(String name) {
        return String.valueOf(require(name));
    }

    public Optional<Object> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    private Object require(String name) {
        Object v = options.get(name);
        if (v == null) {
            throw new IllegalStateException("option '" + name + "' missing from resolved spec " + this);
        }
        return v;
    }

    /** Canonical text, e.g. {@code seasonal_naive(horizon: 14, season: 7)}; stable across runs. */
    public String canonical() {
        StringBuilder sb = new StringBuilder(kind).append('(');
        String sep = "";
        for (Map.Entry<String, Object> e : options.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ").append(e.getValue());
            sep = ", ";
        }
        return sb.append(')').toString();
    }
}
