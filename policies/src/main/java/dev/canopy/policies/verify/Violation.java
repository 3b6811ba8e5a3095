package dev.canopy.policies.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule: which rule, the node and channel concerned where there is one, and a
 * sentence saying what is wrong.
 */
public record Violation(Rule rule, Optional<String> node, Optional<String> channel, String message) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        node = node == null ? Optional.empty() : node;
        channel = channel == null ? Optional.empty() : channel;
        Objects.requireNonNull(message, "message");
    }

    static Violation of(Rule rule, String node, String channel, String message) {
        return new Violation(rule, Optional.ofNullable(node), Optional.ofNullable(channel), message);
    }

    @Override
    public String toString() {
        return rule.code() + ": " + message;
    }
}
