package dev.canopy.policies.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.policy.NodeSelector;

/** Renders selectors for messages, as the compact JSON a user would write. */
final class Selectors {
    private Selectors() {}

    static String describe(NodeSelector selector) {
        try {
            return Mappers.json().writeValueAsString(selector);
        } catch (JsonProcessingException e) {
            return selector.toString();
        }
    }
}
