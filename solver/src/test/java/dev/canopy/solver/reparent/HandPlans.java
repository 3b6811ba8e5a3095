package dev.canopy.solver.reparent;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans written by hand for the re-parenting tests: channel {@code live}, one tree per edge list. */
final class HandPlans {
    private HandPlans() {}

    static Edge edge(String parent, String child) {
        return Edge.of(parent, child, Initiator.BOTH);
    }

    /** Tree s of channel {@code live} has the edges of {@code trees.get(s)}, each of {@code substreamRate}. */
    static Plan trees(Snapshot snapshot, long substreamRate, List<List<Edge>> trees) {
        List<Overlay> overlays = new ArrayList<>();
        for (int s = 0; s < trees.size(); s++) {
            overlays.add(Overlay.tree("live", s, substreamRate, trees.get(s)));
        }
        return new Plan(
                Plan.FORMAT,
                snapshot.id(),
                1,
                Optional.empty(),
                "hand",
                overlays,
                List.of(),
                List.of(),
                List.of(),
                Map.of());
    }
}
