package dev.canopy.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.validate.Rules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a valid snapshot node by node, so that a large one never holds its whole JSON tree:
 * each element of {@code nodes} is parsed on its own, checked against the schema's {@code
 * $defs/node}, bound to a {@link Node} and dropped, keeping only the fields the semantic rules
 * read ({@link Rules#snapshotNodeFields}); the rest of the document is checked against the
 * snapshot schema with {@code nodes} empty. At 10^6 nodes the whole tree (about 2 GB) made the
 * collector copy it again and again while the validator allocated, and most of the read time
 * went there.
 *
 * <p>The same checks as reading the whole tree: the schema gives {@code nodes} a type and an
 * item schema only (a test holds it to that), so the document is valid exactly when the rest is
 * and every element is; the rules see every field they read. Anything wrong (syntax, tag,
 * schema, rules, binding) makes {@link #readIfValid} return empty, and the caller reads the file
 * the usual way, which words every error with its file, line and field: invalid files pay for a
 * second read, valid ones are read once. Stateless and thread-safe.
 */
final class SnapshotStream {
    private static final String NODES = "nodes";

    private SnapshotStream() {}

    /** The snapshot, when the document is a valid one; empty when anything is wrong with it. */
    static Optional<Snapshot> readIfValid(byte[] bytes, ObjectMapper mapper) {
        // readTree on a parser that stays open: the next element is not a trailing token
        ObjectReader trees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        ObjectReader nodeReader = mapper.readerFor(Node.class);
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            ObjectNode root = mapper.getNodeFactory().objectNode();
            ArrayNode kept = mapper.getNodeFactory().arrayNode();
            List<Node> nodes = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (NODES.equals(field) && value == JsonToken.START_ARRAY) {
                    root.putArray(NODES);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode node = trees.readTree(parser);
                        if (!SchemaCheck.check(FileFormat.SNAPSHOT, "node", node)
                                .isEmpty()) {
                            return Optional.empty();
                        }
                        nodes.add(nodeReader.readValue(node));
                        kept.add(ruleFields(node, mapper));
                    }
                } else {
                    root.set(field, trees.readTree(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
            if (!root.path("format").asText().equals(FileFormat.SNAPSHOT.tag())
                    || !SchemaCheck.check(FileFormat.SNAPSHOT, root).isEmpty()) {
                return Optional.empty();
            }
            // the schema passed, so a "nodes" field here is the empty array put in its place
            boolean listed = root.has(NODES);
            if (listed) {
                root.set(NODES, kept);
            }
            boolean ruled = Rules.check(FileFormat.SNAPSHOT, root).isEmpty();
            if (listed) {
                root.putArray(NODES);
            }
            if (!ruled) {
                return Optional.empty();
            }
            return Optional.of(mapper.treeToValue(root, Snapshot.class).withNodes(nodes));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A node's fields that the rules read, in its order. */
    private static ObjectNode ruleFields(JsonNode node, ObjectMapper mapper) {
        ObjectNode out = mapper.getNodeFactory().objectNode();
        node.fields().forEachRemaining(e -> {
            if (Rules.snapshotNodeFields().contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
