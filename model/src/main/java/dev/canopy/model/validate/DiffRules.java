package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rules of a diff on its own: it goes forward ({@code to > from}; {@code to == from} only for a
 * diff that changes nothing), and no assignment changes twice or "changes" to the parent it
 * already had.
 */
final class DiffRules {
    private DiffRules() {}

    static List<Problem> check(JsonNode diff) {
        List<Problem> problems = new ArrayList<>();
        JsonNode from = diff.get("from");
        JsonNode to = diff.get("to");
        if (from != null
                && to != null
                && from.isIntegralNumber()
                && to.isIntegralNumber()
                && (to.asLong() < from.asLong() || to.asLong() == from.asLong() && changesSomething(diff))) {
            problems.add(new Problem(
                    FieldPath.of("to"),
                    "a diff must go forward: \"to\" (" + to.asLong() + ") is not after \"from\" (" + from.asLong()
                            + ")"));
        }
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> changes = Tree.array(diff, "changes");
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String node = Tree.text(change, "node").orElse("?");
            String channel = Tree.text(change, "channel").orElse("?");
            String substream = change.path("substream").asText("?");
            Integer first = seen.putIfAbsent(node + "\u0000" + channel + "\u0000" + substream, i);
            if (first != null) {
                problems.add(new Problem(
                        FieldPath.of("changes", i),
                        "substream " + substream + " of channel \"" + channel + "\" for node \"" + node
                                + "\" changes twice (first at changes[" + first + "])"));
            }
            String before = Tree.text(change, "parentBefore").orElse(null);
            String after = Tree.text(change, "parentAfter").orElse(null);
            if (Objects.equals(before, after)) {
                problems.add(new Problem(
                        FieldPath.of("changes", i),
                        "a change whose parent stays " + (before == null ? "null" : "\"" + before + "\"")));
            }
        }
        return problems;
    }

    private static boolean changesSomething(JsonNode diff) {
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) diff::fields) {
            JsonNode value = field.getValue();
            boolean header = List.of("format", "snapshot", "from", "to").contains(field.getKey());
            if (!header && !(value.isArray() && value.isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
