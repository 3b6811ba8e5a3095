package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules of a policy test file beyond its schema: case names are unique (they name the cases in
 * reports and in {@code --run}). Names of nodes, channels, links and regions are checked against
 * each case's snapshot when the runner loads it.
 */
final class PolicyTestRules {
    private PolicyTestRules() {}

    static List<Problem> check(JsonNode document) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<JsonNode> cases = Tree.array(document, "cases");
        for (int i = 0; i < cases.size(); i++) {
            int index = i;
            Tree.text(cases.get(i), "name").ifPresent(name -> {
                Integer first = names.putIfAbsent(name, index);
                if (first != null) {
                    problems.add(new Problem(
                            FieldPath.of("cases", index, "name"),
                            "duplicate case name \"" + name + "\" (first at cases[" + first + "])"));
                }
            });
        }
        return problems;
    }
}
