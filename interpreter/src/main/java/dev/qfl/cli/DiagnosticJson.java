package dev.qfl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.Severity;
import java.util.List;

/**
 * The machine-readable form of {@code qfl check --format json}, for editors and CI:
 * <pre>{@code
 * {"file": "plan.qfl",
 *  "diagnostics": [{"code": "QF2006", "severity": "error", "file": "plan.qfl", "line": 3, "column": 18,
 *                   "endColumn": 20, "message": "...", "hints": ["..."]}],
 *  "errors": 1, "warnings": 0}
 * }</pre>
 * Lines and columns are 1-based; {@code endColumn} is exclusive (the column just past the marked
 * text, on the same line). Diagnostics without a position have null line and columns.
 */
public final class DiagnosticJson {
    private DiagnosticJson() {
    }

    public static String render(String file, List<Diagnostic> diagnostics) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file);
        ArrayNode items = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode item = items.addObject();
            item.put("code", d.code());
            item.put("severity", d.severity().label());
            item.put("file", d.source());
            if (d.span() != null) {
                int column = Math.max(1, d.span().column());
                int end = column + d.span().length();
                if (d.lineText() != null) {
                    end = Math.min(end, Math.max(column + 1, d.lineText().length() + 1));
                }
                item.put("line", d.span().line());
                item.put("column", column);
                item.put("endColumn", end);
            } else {
                item.putNull("line");
                item.putNull("column");
                item.putNull("endColumn");
            }
            item.put("message", d.message());
            ArrayNode hints = item.putArray("hints");
            d.hints().forEach(hints::add);
        }
        root.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
        root.put("warnings", diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serializes", e);
        }
    }
}
