package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.Problem;
import java.util.List;

/**
 * Rules of one event line beyond its schema: a policies event carries a valid policy document.
 * Whether the nodes and channels an event names exist is known only when it is applied to a
 * plan.
 */
final class EventRules {
    private EventRules() {}

    static List<Problem> check(JsonNode event) {
        JsonNode policies = event.get("policies");
        if ("policies".equals(Tree.text(event, "type").orElse("")) && policies != null && policies.isObject()) {
            return PolicyRules.check(policies, FieldPath.of("policies"));
        }
        return List.of();
    }
}
