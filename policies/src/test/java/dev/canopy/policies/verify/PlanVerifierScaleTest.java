package dev.canopy.policies.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A verify of a plan with about 200,000 edges completes: a quadratic step anywhere (per-edge
 * scans, walks up long chains repeated per edge) would take minutes here instead of a second.
 * Nothing is timed; the test only has to finish.
 */
class PlanVerifierScaleTest {
    private static final int PEERS = 50_000;
    private static final int SIDE = 50_000;
    private static final int REGIONS = 4;

    @Test
    void verifiesAChainATreeAnUnrootedChainAndALongCycle() {
        SnapshotBuilder b = SnapshotBuilder.create("scale")
                .codedChannel("live", 1000, 2, 0, "o1")
                .channel("side", 100, 1, "o1")
                .channel("loop", 100, 1, "o1");
        for (int r = 0; r < REGIONS; r++) {
            b.region("r" + r).link("r" + r + "-r" + (r + 1) % REGIONS, "r" + r, "r" + (r + 1) % REGIONS, 5);
        }
        b.origin("o1", "r0", 10_000);
        for (int i = 0; i < PEERS; i++) {
            b.peer("p" + i, "r" + i % REGIONS, 10_000, "live");
        }
        for (int i = 0; i < SIDE; i++) {
            b.peer("q" + i, "r" + i % REGIONS, 1000);
            b.peer("c" + i, "r" + i % REGIONS, 1000);
        }
        Snapshot s = b.build();

        // substream 0: one chain through every peer; substream 1: a binary tree over them
        List<Edge> chain = new ArrayList<>(PEERS);
        List<Edge> tree = new ArrayList<>(PEERS);
        chain.add(Edge.of("o1", "p0", Initiator.BOTH));
        tree.add(Edge.of("o1", "p0", Initiator.BOTH));
        for (int i = 1; i < PEERS; i++) {
            chain.add(Edge.of("p" + (i - 1), "p" + i, Initiator.BOTH));
            tree.add(Edge.of("p" + (i - 1) / 2, "p" + i, Initiator.BOTH));
        }
        // "side" is a long chain whose root is not a source; "loop" is one long cycle
        List<Edge> unrooted = new ArrayList<>(SIDE);
        List<Edge> cycle = new ArrayList<>(SIDE);
        for (int i = 1; i < SIDE; i++) {
            unrooted.add(Edge.of("q" + (i - 1), "q" + i, Initiator.BOTH));
            cycle.add(Edge.of("c" + (i - 1), "c" + i, Initiator.BOTH));
        }
        cycle.add(Edge.of("c" + (SIDE - 1), "c0", Initiator.BOTH));
        PlanBuilder plan = PlanBuilder.forSnapshot(s)
                .tree("live", 0, 500, chain)
                .tree("live", 1, 500, tree)
                .tree("side", 0, 100, unrooted)
                .tree("loop", 0, 100, cycle);

        Verification verification = PlanVerifier.verify(s, plan.build());

        assertThat(verification.violations())
                .extracting(Violation::rule)
                .containsExactlyInAnyOrder(Rule.PARENT_NOT_SERVED, Rule.CYCLE);
        PlanMetrics m = verification.metrics();
        assertThat(m.edges()).isEqualTo(2 * PEERS + 2 * SIDE - 1);
        assertThat(m.channels().get("live").served()).isEqualTo(PEERS);
        assertThat(m.channels().get("live").maxDepth()).isEqualTo(PEERS);
    }
}
