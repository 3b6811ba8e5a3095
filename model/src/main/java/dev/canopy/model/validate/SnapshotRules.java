package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.Role;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Semantic rules of a snapshot: ids unique per kind; a region's parent, a link's ends, a
 * channel's sources, a node's region, wanted channels and access list all resolve; region
 * parents form no cycle; a link joins two different regions.
 */
final class SnapshotRules {
    /**
     * Every field of a node that {@link #check} reads: a snapshot whose nodes are cut down to
     * these gets the same problems (keep in step with {@link #check}).
     */
    static final List<String> NODE_FIELDS = List.of("id", "region", "wants", "accessList");

    private static final Set<String> ROLES =
            Arrays.stream(Role.values()).map(Role::code).collect(Collectors.toCollection(TreeSet::new));

    private SnapshotRules() {}

    static List<Problem> check(JsonNode snapshot) {
        List<Problem> problems = new ArrayList<>();
        List<JsonNode> regions = Tree.array(snapshot, "regions");
        List<JsonNode> links = Tree.array(snapshot, "links");
        List<JsonNode> channels = Tree.array(snapshot, "channels");
        List<JsonNode> nodes = Tree.array(snapshot, "nodes");
        Map<String, Integer> regionIds = unique(regions, "regions", "region", problems);
        unique(links, "links", "link", problems);
        Map<String, Integer> channelIds = unique(channels, "channels", "channel", problems);
        Map<String, Integer> nodeIds = unique(nodes, "nodes", "node", problems);

        for (int i = 0; i < regions.size(); i++) {
            String id = Tree.text(regions.get(i), "id").orElse("?");
            int at = i;
            Tree.text(regions.get(i), "parent")
                    .filter(p -> !regionIds.containsKey(p))
                    .ifPresent(p -> problems.add(new Problem(
                            FieldPath.of("regions", at, "parent"),
                            "unknown region \"" + p + "\" (parent of region \"" + id + "\")")));
        }
        regionCycles(regions, regionIds, problems);

        for (int i = 0; i < links.size(); i++) {
            JsonNode link = links.get(i);
            String id = Tree.text(link, "id").orElse("?");
            for (String end : List.of("a", "b")) {
                int at = i;
                Tree.text(link, end)
                        .filter(r -> !regionIds.containsKey(r))
                        .ifPresent(r -> problems.add(new Problem(
                                FieldPath.of("links", at, end),
                                "unknown region \"" + r + "\" (end " + end + " of link \"" + id + "\")")));
            }
            Optional<String> a = Tree.text(link, "a");
            if (a.isPresent() && a.equals(Tree.text(link, "b"))) {
                problems.add(new Problem(
                        FieldPath.of("links", i, "b"),
                        "link \"" + id + "\" joins region \"" + a.get() + "\" to itself"));
            }
        }

        for (int i = 0; i < channels.size(); i++) {
            String id = Tree.text(channels.get(i), "id").orElse("?");
            List<String> sources = Tree.texts(channels.get(i), "sources");
            for (int s = 0; s < sources.size(); s++) {
                String source = sources.get(s);
                if (source != null && !nodeIds.containsKey(source)) {
                    problems.add(new Problem(
                            FieldPath.of("channels", i, "sources", s),
                            "unknown node \"" + source + "\" (source of channel \"" + id + "\")"));
                }
            }
        }

        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String id = Tree.text(node, "id").orElse("?");
            int at = i;
            Tree.text(node, "region")
                    .filter(r -> !regionIds.containsKey(r))
                    .ifPresent(r -> problems.add(new Problem(
                            FieldPath.of("nodes", at, "region"),
                            "unknown region \"" + r + "\" (node \"" + id + "\")")));
            List<String> wants = Tree.texts(node, "wants");
            for (int w = 0; w < wants.size(); w++) {
                if (wants.get(w) != null && !channelIds.containsKey(wants.get(w))) {
                    problems.add(new Problem(
                            FieldPath.of("nodes", i, "wants", w),
                            "unknown channel \"" + wants.get(w) + "\" (wanted by node \"" + id + "\")"));
                }
            }
            List<String> access = Tree.texts(node, "accessList");
            for (int a = 0; a < access.size(); a++) {
                String entry = access.get(a);
                FieldPath path = FieldPath.of("nodes", i, "accessList", a);
                if (entry == null) {
                    continue;
                }
                if (entry.startsWith("role:")) {
                    String role = entry.substring("role:".length());
                    if (!ROLES.contains(role)) {
                        problems.add(new Problem(
                                path,
                                "unknown role \"" + role + "\" in access list of node \"" + id + "\": expected one of "
                                        + ROLES));
                    }
                } else if (!nodeIds.containsKey(entry)) {
                    problems.add(
                            new Problem(path, "unknown node \"" + entry + "\" in access list of node \"" + id + "\""));
                }
            }
        }
        return problems;
    }

    private static Map<String, Integer> unique(
            List<JsonNode> items, String field, String what, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>(Math.max(16, items.size() * 2));
        for (int i = 0; i < items.size(); i++) {
            Optional<String> key = Tree.text(items.get(i), "id");
            if (key.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(key.get(), i);
            if (first != null) {
                problems.add(new Problem(
                        FieldPath.of(field, i, "id"),
                        "duplicate " + what + " id \"" + key.get() + "\" (first at " + field + "[" + first + "])"));
            }
        }
        return seen;
    }

    private static void regionCycles(List<JsonNode> regions, Map<String, Integer> index, List<Problem> problems) {
        int n = regions.size();
        int[] parent = new int[n];
        for (int r = 0; r < n; r++) {
            parent[r] = Tree.text(regions.get(r), "parent")
                    .map(p -> index.getOrDefault(p, -1))
                    .orElse(-1);
        }
        int[] state = new int[n]; // 0 unvisited, 1 on the current walk, 2 done
        for (int start = 0; start < n; start++) {
            List<Integer> walk = new ArrayList<>();
            int r = start;
            while (r >= 0 && state[r] == 0) {
                state[r] = 1;
                walk.add(r);
                r = parent[r];
            }
            if (r >= 0 && state[r] == 1) {
                List<Integer> ring = walk.subList(walk.indexOf(r), walk.size());
                int first = ring.stream().min(Integer::compare).orElseThrow();
                List<String> names = new ArrayList<>();
                for (int k = first, steps = 0; steps <= ring.size(); k = parent[k], steps++) {
                    names.add(Tree.text(regions.get(k), "id").orElse("?"));
                }
                problems.add(new Problem(
                        FieldPath.of("regions", first, "parent"),
                        "region parents form a cycle: " + String.join(" -> ", names)));
            }
            for (int k : walk) {
                state[k] = 2;
            }
        }
    }
}
