package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.BitSet;
import java.util.List;

/**
 * geo-ban: the selected channels are never delivered to nodes in the given countries (a node's
 * own country, else its region's); with {@code nodes}, to the nodes it selects; with both, to
 * the selected nodes in those countries. Such nodes are reported unserved with reason
 * {@code geo-ban}.
 */
final class GeoBanRule implements NodeBar {
    private final Policy policy;
    private final boolean[] channels;
    private final BitSet banned;
    private final NodeTable table;
    private final List<String> countries;
    private final NodeMatcher nodes;

    GeoBanRule(Policy policy, PolicyParams.GeoBan params, Compilation context) {
        this.policy = policy;
        this.channels = context.channels(params.channels());
        this.table = context.table;
        this.countries = params.countries();
        this.nodes = params.nodes().map(context::nodes).orElse(null);
        this.banned = new BitSet(table.count());
        for (int i = 0; i < table.count(); i++) {
            learn(i);
        }
    }

    @Override
    public void learn(int number) {
        boolean inCountry = countries.isEmpty()
                || table.countryOf(number).map(countries::contains).orElse(false);
        banned.set(number, inCountry && (nodes == null || nodes.matches(number)));
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean bars(int node, int channel) {
        return channels[channel] && banned.get(node);
    }

    @Override
    public boolean affects(int node, int channel) {
        return bars(node, channel);
    }
}
