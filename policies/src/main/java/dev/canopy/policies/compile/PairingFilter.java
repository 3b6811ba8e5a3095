package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import dev.canopy.model.policy.PairingRule;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * pairing: the selected nodes exchange content only with matching partners, in either
 * direction: an edge is forbidden when one end is selected and the other is not its partner.
 * Partners are nodes with the same owner, sharing a group, in the same enterprise (a node
 * without an owner or enterprise has no such partner), or nodes a selector selects.
 */
final class PairingFilter implements EdgeFilter {
    private final Policy policy;
    private final NodeMatcher selected;
    private final Optional<PairingRule.Relation> relation;
    private final NodeMatcher partners;
    private final NodeTable table;
    private final Map<String, Integer> names = new HashMap<>();
    private int[] key;
    private int[][] groups;
    private boolean anySelected;

    PairingFilter(Policy policy, PolicyParams.Pairing params, Compilation context) {
        this.policy = policy;
        this.table = context.table;
        this.selected = context.nodes(params.nodes());
        this.relation = params.only().relation();
        this.partners = params.only().partners().map(context::nodes).orElse(null);
        int n = table.count();
        this.key = new int[n];
        this.groups = new int[n][];
        for (int i = 0; i < n; i++) {
            learn(i);
        }
    }

    @Override
    public void learn(int number) {
        if (number >= key.length) {
            int capacity = Math.max(number + 1, key.length + (key.length >> 1));
            key = Arrays.copyOf(key, capacity);
            groups = Arrays.copyOf(groups, capacity);
        }
        Node node = table.node(number);
        Optional<String> name = relation.isEmpty()
                ? Optional.empty()
                : switch (relation.get()) {
                    case SAME_OWNER -> node.owner();
                    case SAME_ENTERPRISE -> node.enterprise();
                    case SAME_GROUP -> Optional.empty();
                };
        key[number] = name.map(s -> names.computeIfAbsent(s, k -> names.size())).orElse(-1);
        groups[number] = node.groups().stream()
                .mapToInt(s -> names.computeIfAbsent("group:" + s, k -> names.size()))
                .toArray();
        anySelected |= selected.matches(number);
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean forbids(int parent, int child, int channel) {
        return (selected.matches(parent) && !partner(parent, child))
                || (selected.matches(child) && !partner(child, parent));
    }

    /** Whether {@code other} is a partner of the selected node {@code node}. */
    private boolean partner(int node, int other) {
        if (partners != null) {
            return partners.matches(other);
        }
        if (relation.get() == PairingRule.Relation.SAME_GROUP) {
            for (int a : groups[node]) {
                for (int b : groups[other]) {
                    if (a == b) {
                        return true;
                    }
                }
            }
            return false;
        }
        return key[node] >= 0 && key[node] == key[other];
    }

    @Override
    public boolean affects(int node, int channel) {
        return anySelected;
    }
}
