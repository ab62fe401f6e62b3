package dev.qfl.repl;

import dev.qfl.diag.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Prints a syntax tree as an indented outline for {@code :ast}, by walking record components, so
 * every node type prints without a case of its own. A node whose parts are all plain values fits
 * on one line ({@code NumberLit(value=0.94)}); spans are left out, since they only say where the
 * text was.
 * <pre>
 * Query
 *   body: Call
 *     callee: Identifier(name=quantile)
 *     arguments:
 *       - Argument
 *           value: Name(name=demand)
 * </pre>
 */
public final class AstPrinter {
    private static final String INDENT = "  ";

    private AstPrinter() {
    }

    public static String print(Object node) {
        StringBuilder sb = new StringBuilder();
        node(sb, node, 0);
        return sb.toString();
    }

    /** Appends the node's own line (without indentation) and its children below it. */
    private static void node(StringBuilder sb, Object node, int depth) {
        if (!(node instanceof Record record)) {
            sb.append(scalar(node)).append('\n');
            return;
        }
        RecordComponent[] parts = record.getClass().getRecordComponents();
        if (allScalar(record, parts)) {
            sb.append(inline(record, parts)).append('\n');
            return;
        }
        sb.append(record.getClass().getSimpleName()).append('\n');
        for (RecordComponent part : parts) {
            Object value = get(record, part);
            if (value == null || value instanceof Span) {
                continue;
            }
            indent(sb, depth + 1).append(part.getName()).append(':');
            if (value instanceof Collection<?> items) {
                if (items.isEmpty()) {
                    sb.append(" []\n");
                    continue;
                }
                sb.append('\n');
                for (Object item : items) {
                    indent(sb, depth + 2).append("- ");
                    node(sb, item, depth + 3);
                }
            } else {
                sb.append(' ');
                node(sb, value, depth + 1);
            }
        }
    }

    private static boolean allScalar(Record record, RecordComponent[] parts) {
        for (RecordComponent part : parts) {
            Object v = get(record, part);
            if (v instanceof Record && !(v instanceof Span) || v instanceof Collection<?>) {
                return false;
            }
        }
        return true;
    }

    private static String inline(Record record, RecordComponent[] parts) {
        StringBuilder sb = new StringBuilder(record.getClass().getSimpleName()).append('(');
        boolean first = true;
        for (RecordComponent part : parts) {
            Object v = get(record, part);
            if (v == null || v instanceof Span) {
                continue;
            }
            sb.append(first ? "" : ", ").append(part.getName()).append('=').append(scalar(v));
            first = false;
        }
        return sb.append(')').toString();
    }

    private static String scalar(Object v) {
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    private static StringBuilder indent(StringBuilder sb, int depth) {
        return sb.append(INDENT.repeat(depth));
    }

    private static Object get(Record record, RecordComponent part) {
        try {
            return part.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + part.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
