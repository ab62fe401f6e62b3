package dev.qfl.ast;

import dev.qfl.diag.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Structural equality of syntax trees that ignores source positions, so {@code parse(fmt(x))} can
 * be compared with {@code parse(x)} although the formatter moved everything around.
 */
public final class AstEquality {
    private AstEquality() {
    }

    public static boolean equalIgnoringSpans(Object a, Object b) {
        return firstDifference(a, b, "") == null;
    }

    /** A path to the first differing component, e.g. {@code statements[2].value.arguments[1]}, or null. */
    public static String firstDifference(Object a, Object b, String path) {
        if (a instanceof Span && b instanceof Span) {
            return null;
        }
        if (a == null || b == null) {
            return a == b ? null : path;
        }
        if (a.getClass() != b.getClass()) {
            return path + " (" + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName() + ")";
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return path + " (size " + la.size() + " vs " + lb.size() + ")";
            }
            for (int i = 0; i < la.size(); i++) {
                String d = firstDifference(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0 ? null : path + " (" + x + " vs " + y + ")";
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    Object va = c.getAccessor().invoke(a);
                    Object vb = c.getAccessor().invoke(b);
                    String d = firstDifference(va, vb, path.isEmpty() ? c.getName() : path + "." + c.getName());
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        return Objects.equals(a, b) ? null : path + " (" + a + " vs " + b + ")";
    }
}
