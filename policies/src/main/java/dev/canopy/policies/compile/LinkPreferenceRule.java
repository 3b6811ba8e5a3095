package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.List;

/**
 * link-preference: steer traffic onto preferred links (ids or kinds such as {@code peering}).
 * An edge costs one per {@code over} link its route crosses (with no {@code over}, per link that
 * is not preferred); a preferred link costs nothing. Routes are fixed by the snapshot, so the
 * preference acts through the choice of parents: ones reached over preferred links first, the
 * others when those are full. A preference, so a cost whatever its {@code enforce}.
 */
final class LinkPreferenceRule implements EdgeCost {
    private final Policy policy;
    private final SnapshotIndex index;
    private final NodeTable table;
    private final Routing routing;
    private final boolean[] disfavoured;

    LinkPreferenceRule(Policy policy, PolicyParams.LinkPreference params, Compilation context) {
        this.policy = policy;
        this.index = context.index;
        this.table = context.table;
        this.routing = context.routing;
        this.disfavoured = new boolean[index.linkCount()];
        for (int l = 0; l < disfavoured.length; l++) {
            boolean preferred = names(params.prefer(), l);
            disfavoured[l] = params.over().isEmpty() ? !preferred : names(params.over(), l) && !preferred;
        }
    }

    private boolean names(List<String> names, int link) {
        return names.contains(index.link(link).id())
                || names.contains(index.link(link).kind().code());
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public double cost(int parent, int child, int channel) {
        int from = table.regionOf(parent);
        int to = table.regionOf(child);
        if (from == to) {
            return 0;
        }
        Route route = routing.route(from, to);
        int crossed = 0;
        for (int i = 0; i < route.hops(); i++) {
            if (disfavoured[route.link(i)]) {
                crossed++;
            }
        }
        return crossed;
    }

    @Override
    public boolean affects(int node, int channel) {
        return false;
    }
}
