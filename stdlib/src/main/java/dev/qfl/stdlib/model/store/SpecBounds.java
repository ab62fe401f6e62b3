package dev.qfl.stdlib.model.store;

import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Checks a spec read from a model file against its kind's options, as the checker checks a
 * script's: types, ranges and words. Kinds size their networks and arrays from these options
 * ({@code knots}, {@code hidden}, {@code horizon}, ...), so an unchecked {@code knots: 2e9} would
 * allocate before anything else could object.
 */
final class SpecBounds {
    /** More list entries than any option of any kind takes (levels, orders, candidates). */
    static final int MAX_LIST = 1000;

    private SpecBounds() {
    }

    static void check(ModelKind kind, ModelSpec spec) throws IOException {
        for (OptionSpec o : kind.options()) {
            Object v = spec.options().get(o.name());
            if (v == null) {
                if (o.required()) {
                    throw new IOException("its " + kind.name() + " spec has no " + o.name());
                }
                continue;
            }
            checkValue(o, v);
        }
    }

    private static void checkValue(OptionSpec o, Object v) throws IOException {
        switch (o.type()) {
            case INTEGER -> inRange(o, require(o, v, Integer.class).doubleValue());
            case NUMBER -> inRange(o, require(o, v, Number.class).doubleValue());
            case BOOLEAN -> require(o, v, Boolean.class);
            case DURATION -> require(o, v, Duration.class);
            case STRING -> require(o, v, String.class);
            case SYMBOL -> word(o, require(o, v, String.class));
            case LEVELS -> {
                for (Object x : list(o, v)) {
                    double level = require(o, x, Number.class).doubleValue();
                    if (!(level > 0 && level < 1)) {
                        throw new IOException("its option " + o.name() + " holds " + level + ", which is not a level in (0, 1)");
                    }
                }
            }
            case INTEGERS -> {
                for (Object x : list(o, v)) {
                    inRange(o, require(o, x, Integer.class).doubleValue());
                }
            }
            case NAMES -> {
                for (Object x : list(o, v)) {
                    word(o, require(o, x, String.class));
                }
            }
            default -> throw new IOException("its option " + o.name() + " has a type this QFL cannot check");
        }
    }

    private static <T> T require(OptionSpec o, Object v, Class<T> type) throws IOException {
        if (!type.isInstance(v)) {
            throw new IOException("its option " + o.name() + " is " + v + ", not " + o.type().name().toLowerCase(
                    java.util.Locale.ROOT));
        }
        return type.cast(v);
    }

    private static void inRange(OptionSpec o, double v) throws IOException {
        if (!Double.isFinite(v) || (o.min() != null && v < o.min()) || (o.max() != null && v > o.max())) {
            throw new IOException("its option " + o.name() + " is " + shown(v, "?") + ", outside " + shown(o.min(), "-∞") + ".."
                    + shown(o.max(), "∞"));
        }
    }

    private static void word(OptionSpec o, String w) throws IOException {
        if (!o.choices().isEmpty() && !o.choices().contains(w)) {
            throw new IOException("its option " + o.name() + " is '" + w + "', not one of " + o.choices());
        }
    }

    private static List<?> list(OptionSpec o, Object v) throws IOException {
        List<?> l = require(o, v, List.class);
        if (l.size() > MAX_LIST) {
            throw new IOException("its option " + o.name() + " has " + l.size() + " entries");
        }
        return l;
    }

    private static String shown(Double v, String unbounded) {
        if (v == null) {
            return unbounded;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v);
    }
}
