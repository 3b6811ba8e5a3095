package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tolerant reads from a parsed document for the semantic rules: a missing or wrongly typed
 * value reads as empty, because the schema check has already reported it.
 */
final class Tree {
    private Tree() {}

    /** The elements of an array field (empty when absent or not an array). */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(out::add);
        }
        return out;
    }

    /** A text field (empty when absent or not text). */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A text field that may hold one string or an array of strings. */
    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isTextual()) {
            out.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(v -> out.add(v.isTextual() ? v.asText() : null));
        }
        return out;
    }
}
