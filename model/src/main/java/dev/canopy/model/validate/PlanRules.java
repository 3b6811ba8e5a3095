package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules a plan must meet on its own, without its snapshot: no edge joins a node to itself and
 * no (node, channel) is listed unserved twice. Everything that needs the snapshot is the plan
 * verifier's job.
 */
final class PlanRules {
    private PlanRules() {}

    static List<Problem> check(JsonNode plan) {
        List<Problem> problems = new ArrayList<>();
        List<JsonNode> overlays = Tree.array(plan, "overlays");
        for (int o = 0; o < overlays.size(); o++) {
            List<JsonNode> edges = Tree.array(overlays.get(o), "edges");
            for (int e = 0; e < edges.size(); e++) {
                Optional<String> parent = Tree.text(edges.get(e), "parent");
                if (parent.isPresent() && parent.equals(Tree.text(edges.get(e), "child"))) {
                    problems.add(new Problem(
                            FieldPath.of("overlays", o, "edges", e, "child"),
                            "edge from node \"" + parent.get() + "\" to itself"));
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> unserved = Tree.array(plan, "unserved");
        for (int u = 0; u < unserved.size(); u++) {
            String node = Tree.text(unserved.get(u), "node").orElse("?");
            String channel = Tree.text(unserved.get(u), "channel").orElse("?");
            Integer first = seen.putIfAbsent(node + "\u0000" + channel, u);
            if (first != null) {
                problems.add(new Problem(
                        FieldPath.of("unserved", u),
                        "node \"" + node + "\" is listed unserved for channel \"" + channel
                                + "\" twice (first at unserved[" + first + "])"));
            }
        }
        return problems;
    }
}
