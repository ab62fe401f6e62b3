package dev.qfl.stdlib.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainingSummary;
import java.time.Duration;
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

    static ModelSpec spec(JsonNode node) {
        Map<String, Object> options = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.get("options").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue().get("value");
            Object value = switch (e.getValue().get("type").asText()) {
                case "integer" -> v.asInt();
                case "number" -> v.asDouble();
                case "boolean" -> v.asBoolean();
                case "duration" -> Duration.parse(v.asText());
                case "levels" -> {
                    List<Double> l = new ArrayList<>();
                    v.forEach(x -> l.add(x.asDouble()));
                    yield List.copyOf(l);
                }
                case "names" -> {
                    List<String> l = new ArrayList<>();
                    v.forEach(x -> l.add(x.asText()));
                    yield List.copyOf(l);
                }
                case "integers" -> {
                    List<Integer> l = new ArrayList<>();
                    v.forEach(x -> l.add(x.asInt()));
                    yield List.copyOf(l);
                }
                default -> v.asText();
            };
            options.put(e.getKey(), value);
        }
        return new ModelSpec(node.get("kind").asText(), options);
    }

    static ObjectNode summary(ObjectMapper json, TrainingSummary s) {
        ObjectNode node = json.createObjectNode();
        node.put("series", s.seriesUsed()).put("epochs", s.epochs()).put("best_epoch", s.bestEpoch())
                .put("train_loss", s.trainLoss()).put("validation_loss", s.validationLoss())
                .put("elapsed_ms", s.elapsed().toMillis()).put("stop", s.stopReason());
        return node;
    }

    static TrainingSummary summary(JsonNode n) {
        return new TrainingSummary(n.get("series").asInt(), n.get("epochs").asInt(), n.get("best_epoch").asInt(),
                n.get("train_loss").asDouble(), n.get("validation_loss").asDouble(),
                Duration.ofMillis(n.get("elapsed_ms").asLong()), n.get("stop").asText());
    }
}
