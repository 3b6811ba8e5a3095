package dev.canopy.solver.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built snapshots and tree plans whose figures can be worked out on paper (for the bench's tests and others). */
public final class HandPlans {
    private HandPlans() {}

    /** Origin {@code o} and peers a..e in one region, channel {@code live} with k and parity. */
    static Snapshot fivePeers(int k, int parity) {
        SnapshotBuilder b = SnapshotBuilder.create("hand")
                .region("isp")
                .codedChannel("live", 1200, k, parity, "o")
                .origin("o", "isp", 100_000);
        for (String peer : List.of("a", "b", "c", "d", "e")) {
            b.peer(peer, "isp", 20_000, "live");
        }
        return b.build();
    }

    /**
     * A plan of the given trees, each a list of "parent>child" edges, substream i for the i-th
     * tree; receivers in no tree are simply absent (tests list them unserved where they verify).
     */
    public static Plan trees(Snapshot snapshot, List<List<String>> trees) {
        long substreamRate = snapshot.channels().get(0).substreamRateKbps();
        List<Overlay> overlays = new ArrayList<>();
        for (int s = 0; s < trees.size(); s++) {
            List<Edge> edges = new ArrayList<>();
            for (String e : trees.get(s)) {
                String[] ends = e.split(">");
                edges.add(Edge.of(ends[0], ends[1], Initiator.BOTH));
            }
            overlays.add(Overlay.tree("live", s, substreamRate, edges));
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
