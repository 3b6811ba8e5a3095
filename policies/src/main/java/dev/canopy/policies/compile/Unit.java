package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;

/**
 * One compiled policy: the record it came from and whether it can restrict what a node receives
 * of a channel (which decides whether relaxing it could help that node). Each kind implements
 * the hooks that it compiles to ({@link NodeBar}, {@link EdgeFilter}, {@link EdgeCost}, {@link
 * CapRule}) on top of this. Implementations are immutable and thread-safe.
 */
interface Unit {
    Policy policy();

    /** Whether the policy can keep the node from receiving the channel, or limit how. */
    boolean affects(int node, int channel);

    /**
     * Sets what the rule keeps per node for node {@code number} from the compilation's node
     * table, which already holds it (its matchers have learned it too). Only {@link
     * JoinablePolicies} calls it, on units it owns; rules that keep nothing per node beyond
     * their matchers and the table do nothing.
     */
    default void learn(int number) {}
}
