package dev.qfl.stdlib.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Model specs and training summaries as JSON, with option types kept so they read back exactly. */
final class SpecJson {
    private SpecJson() {
    }

    static ObjectNode spec(ObjectMapper json, ModelSpec spec) {
        ObjectNode node = json.createObjectNode();
        node.put("kind", spec.kind());
        ObjectNode options = node.putObject("options");
        for (Map.Entry<String, Object> e : spec.options().entrySet()) {
            ObjectNode o = options.putObject(e.getKey());
            Object v = e.getValue();
            if (v instanceof Integer i) {
                o.put("type", "integer").put("value", i);
            } else if (v instanceof Double d) {
                o.put("type", "number").put("value", d);
            } else if (v instanceof Boolean b) {
                o.put("type", "boolean").put("value", b);
            } else if (v instanceof Duration d) {
                o.put("type", "duration").put("value", d.toString());
            } else if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                ArrayNode a = o.put("type", "names").putArray("value");
                l.forEach(x -> a.add((String) x));
            } else if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Integer)) {
                ArrayNode a = o.put("type", "integers").putArray("value");
                l.forEach(x -> a.add((Integer) x));
            } else if (v instanceof List<?> l) {
                ArrayNode a = o.put("type", "levels").putArray("value");
                l.forEach(x -> a.add(((Number) x).doubleValue()));
            } else {
                o.put("type", "string").put("value", String.valueOf(v));
            }
        }
        return node;
    }

    /**
     * Reads a spec back. Every field is checked, so a file whose checksum is right but whose
     * content was made by hand fails with a reason instead of a null pointer or a wrong type.
     */
    static ModelSpec spec(JsonNode node) throws IOException {
        JsonNode options = MetadataFields.object(node, "options", "spec");
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = options.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String where = "option " + e.getKey();
            JsonNode option = e.getValue();
            if (!option.isObject()) {
                throw new IOException("its " + where + " is not an object");
            }
            JsonNode v = MetadataFields.present(option, "value", where);
            out.put(e.getKey(), value(MetadataFields.text(option, "type", where), v, where));
        }
        return new ModelSpec(MetadataFields.text(node, "kind", "spec"), out);
    }

    private static Object value(String type, JsonNode v, String where) throws IOException {
        switch (type) {
            case "integer":
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw new IOException("its " + where + " should be a whole number, not " + MetadataFields.shown(v));
                }
                return v.intValue();
            case "number":
                return MetadataFields.number(v, where);
            case "boolean":
                if (!v.isBoolean()) {
                    throw new IOException("its " + where + " should be true or false, not " + MetadataFields.shown(v));
                }
                return v.booleanValue();
            case "duration":
                try {
                    Duration d = Duration.parse(MetadataFields.textValue(v, where));
                    if (d.isNegative()) {
                        throw new IOException("its " + where + " is a negative duration");
                    }
                    return d;
                } catch (DateTimeParseException ex) {
                    throw new IOException("its " + where + " is not a duration: " + MetadataFields.shown(v), ex);
                }
            case "levels": {
                List<Double> l = new ArrayList<>();
                for (JsonNode x : MetadataFields.array(v, where)) {
                    l.add(MetadataFields.number(x, where));
                }
                return List.copyOf(l);
            }
            case "integers": {
                List<Integer> l = new ArrayList<>();
                for (JsonNode x : MetadataFields.array(v, where)) {
                    if (!x.isIntegralNumber() || !x.canConvertToInt()) {
                        throw new IOException("its " + where + " should hold whole numbers, not " + MetadataFields.shown(x));
                    }
                    l.add(x.intValue());
                }
                return List.copyOf(l);
            }
            case "names": {
                List<String> l = new ArrayList<>();
                for (JsonNode x : MetadataFields.array(v, where)) {
                    l.add(MetadataFields.textValue(x, where));
                }
                return List.copyOf(l);
            }
            case "string":
                return MetadataFields.textValue(v, where);
            default:
                throw new IOException("its " + where + " has an unknown type '" + type + "'");
        }
    }

    static ObjectNode summary(ObjectMapper json, TrainingSummary s) {
        ObjectNode node = json.createObjectNode();
        node.put("series", s.seriesUsed()).put("epochs", s.epochs()).put("best_epoch", s.bestEpoch())
                .put("train_loss", s.trainLoss()).put("validation_loss", s.validationLoss())
                .put("elapsed_ms", s.elapsed().toMillis()).put("stop", s.stopReason());
        return node;
    }

    static TrainingSummary summary(JsonNode n) throws IOException {
        long elapsed = MetadataFields.count(n, "elapsed_ms", "summary");
        return new TrainingSummary((int) Math.min(Integer.MAX_VALUE, MetadataFields.count(n, "series", "summary")),
                (int) Math.min(Integer.MAX_VALUE, MetadataFields.count(n, "epochs", "summary")),
                (int) Math.min(Integer.MAX_VALUE, MetadataFields.count(n, "best_epoch", "summary")),
                MetadataFields.lossOrNaN(n, "train_loss"), MetadataFields.lossOrNaN(n, "validation_loss"),
                Duration.ofMillis(elapsed), MetadataFields.text(n, "stop", "summary"));
    }
}
