package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import dev.canopy.solver.Locality;
import java.util.ArrayList;
import java.util.List;

/**
 * A receiver's place in one tree: it receives the tree's substream at {@code rateKbps} from
 * {@code parent}, the one thing the polish changes. The parent is chosen among the tree's
 * holders that may relay in it and are no farther than the input parent (so that the search
 * spends its moves where the cost can fall); the move filter keeps the tree acyclic and within
 * its depth.
 */
@PlanningEntity
final class Attachment {
    int id;
    Holder self;
    long rateKbps;
    int inputCost;
    Network network;
    /** For a receiver whose input parent costs something: the tree's cheaper parents, and the input parent. */
    List<Holder> closer = new ArrayList<>();

    @PlanningVariable(valueRangeProviderRefs = "parents")
    Holder parent;

    Attachment() {}

    Attachment(Holder self, long rateKbps, Network network, Holder parent) {
        this.self = self;
        this.rateKbps = rateKbps;
        this.network = network;
        this.parent = parent;
        this.inputCost = costPerKbps();
    }

    /**
     * The tree's possible parents: for a receiver whose input parent is in its region, the others
     * there (to make room); else the ones strictly cheaper than the input parent, and that one.
     */
    @ValueRangeProvider(id = "parents")
    List<Holder> getParentRange() {
        return inputCost == 0 ? self.tree.byRegion.get(self.region).holders : closer;
    }

    /** Fills {@link #closer} once the tree's possible parents are known. */
    void listCloser() {
        if (inputCost == 0) {
            return;
        }
        int country = network.country(self.region);
        closer.addAll(
                inputCost == Locality.CROSS_COUNTRY && country >= 0
                        ? self.tree.byCountry.get(country).holders
                        : self.tree.byRegion.get(self.region).holders);
        if (!closer.contains(parent)) {
            closer.add(parent);
        }
    }

    /** Locality cost of the edge from the parent, per kbps. */
    int costPerKbps() {
        return network.regionCost(parent.region, self.region);
    }

    /** The load the edge puts on capped links (empty when the route crosses none). */
    List<LinkLoad> linkLoads() {
        return network.loads(parent.region, self.region, rateKbps);
    }

    @Override
    public String toString() {
        return parent + " -> " + self;
    }
}
