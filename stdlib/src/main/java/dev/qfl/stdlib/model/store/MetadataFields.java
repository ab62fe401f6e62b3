package dev.qfl.stdlib.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Checked access to a model file's JSON metadata. A checksum only proves the file is what some
 * writer wrote, not that QFL wrote it: each accessor says which field is missing or of the wrong
 * type, as an {@link IOException} the store turns into QF4201 (or a retrain, for the cache).
 */
final class MetadataFields {
    /** Longest value quoted back in a message. */
    private static final int SHOWN = 40;

    private MetadataFields() {
    }

    static JsonNode present(JsonNode node, String field, String where) throws IOException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            throw new IOException("its " + where + " has no " + field);
        }
        return v;
    }

    static JsonNode object(JsonNode node, String field, String where) throws IOException {
        JsonNode v = present(node, field, where);
        if (!v.isObject()) {
            throw new IOException("its " + where + " field " + field + " is not an object");
        }
        return v;
    }

    static JsonNode array(JsonNode v, String where) throws IOException {
        if (!v.isArray()) {
            throw new IOException("its " + where + " should be a list, not " + shown(v));
        }
        return v;
    }

    static String text(JsonNode node, String field, String where) throws IOException {
        return textValue(present(node, field, where), where + " field " + field);
    }

    static String textValue(JsonNode v, String where) throws IOException {
        if (!v.isTextual()) {
            throw new IOException("its " + where + " should be text, not " + shown(v));
        }
        return v.textValue();
    }

    static double number(JsonNode v, String where) throws IOException {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new IOException("its " + where + " should be a finite number, not " + shown(v));
        }
        return v.doubleValue();
    }

    /** A whole number ≥ 0 (counts, milliseconds). */
    static long count(JsonNode node, String field, String where) throws IOException {
        JsonNode v = present(node, field, where);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new IOException("its " + where + " field " + field + " should be a whole number ≥ 0, not " + shown(v));
        }
        return v.longValue();
    }

    /**
     * A loss: a number, or NaN when the model had none (Jackson writes NaN as the string "NaN").
     * Anything else is refused.
     */
    static double lossOrNaN(JsonNode node, String field) throws IOException {
        JsonNode v = present(node, field, "summary");
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual() && v.textValue().equals("NaN")) {
            return Double.NaN;
        }
        throw new IOException("its summary field " + field + " should be a number, not " + shown(v));
    }

    /** A JSON value as a short quote for messages. */
    static String shown(JsonNode v) {
        String text = v.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
