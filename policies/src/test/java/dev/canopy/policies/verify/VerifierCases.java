package dev.canopy.policies.verify;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import java.util.List;
import java.util.Optional;

/** Small snapshots and helpers shared by the verifier's rule tests. */
final class VerifierCases {
    private VerifierCases() {}

    /** Origin o1 (5000 kbps up) and peers p1, p2 (1000 kbps up) in one region; "live" is 1000 kbps, k=1. */
    static SnapshotBuilder tiny() {
        return SnapshotBuilder.create("tiny")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 5000)
                .peer("p1", "r1", 1000, "live")
                .peer("p2", "r1", 1000, "live");
    }

    /** Like {@link #tiny} with a coded channel: k substreams of 1000 / k kbps plus n parity ones. */
    static SnapshotBuilder coded(int k, int n) {
        return SnapshotBuilder.create("coded")
                .region("r1")
                .codedChannel("live", 1000, k, n, "o1")
                .origin("o1", "r1", 5000)
                .peer("p1", "r1", 1000, "live")
                .peer("p2", "r1", 1000, "live");
    }

    static PlanBuilder plan(Snapshot snapshot) {
        return PlanBuilder.forSnapshot(snapshot);
    }

    static List<Violation> violations(Snapshot snapshot, PlanBuilder plan) {
        return PlanVerifier.verify(snapshot, plan.build()).violations();
    }

    static Violation violation(Rule rule, String node, String channel, String message) {
        return new Violation(rule, Optional.ofNullable(node), Optional.ofNullable(channel), message);
    }
}
