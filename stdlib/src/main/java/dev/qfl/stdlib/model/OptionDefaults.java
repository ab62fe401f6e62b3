package dev.qfl.stdlib.model;

import dev.qfl.stdlib.data.Frequency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a kind's options from what a script gave: unknown names are refused, {@code season} defaults
 * to the data's usual season, other options to their declared defaults, and numbers are put in the
 * type the option declares. The checker has validated each value already; this is the library's own
 * guard for callers that bypass it (embedding, benchmarks).
 */
public final class OptionDefaults {
    private OptionDefaults() {
    }

    /**
     * @throws IllegalArgumentException with a user-facing sentence for an unknown option, a missing
     *                                  required one, or a whole number out of its range
     */
    public static Map<String, Object> fill(String kind, List<OptionSpec> options, Map<String, Object> given,
                                           Frequency frequency) {
        for (String key : given.keySet()) {
            if (options.stream().noneMatch(o -> o.name().equals(key))) {
                throw new IllegalArgumentException(kind + " has no option '" + key + "'; it takes "
                        + String.join(", ", options.stream().map(OptionSpec::name).toList()));
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (OptionSpec option : options) {
            Object value = given.get(option.name());
            if (value == null && option.name().equals("season")) {
                if (frequency == null) {
                    throw new IllegalArgumentException(kind + " needs a season when the data's frequency is unknown");
                }
                value = frequency.defaultSeason();
            }
            if (value == null) {
                value = option.defaultValue();
            }
            if (value == null && option.required()) {
                throw new IllegalArgumentException(kind + " needs the option '" + option.name() + "'");
            }
            if (value != null) {
                resolved.put(option.name(), typed(kind, option, value));
            }
        }
        return resolved;
    }

    private static Object typed(String kind, OptionSpec option, Object value) {
        if (option.type() == OptionType.NUMBER && value instanceof Number n) {
            return n.doubleValue();
        }
        if (option.type() != OptionType.INTEGER) {
            return value;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(kind + " option '" + option.name() + "' must be a whole number, got " + value);
        }
        double v = n.doubleValue();
        if ((option.min() != null && v < option.min()) || (option.max() != null && v > option.max())) {
            throw new IllegalArgumentException(kind + " option '" + option.name() + "' is " + value + ", outside its range");
        }
        return (int) v;
    }
}
