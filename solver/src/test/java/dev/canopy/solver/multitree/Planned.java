package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Channel;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import java.util.Arrays;
import java.util.List;

/** A plan made and verified for a test (no violation allowed), with its trees as parent arrays. */
record Planned(Snapshot snapshot, SnapshotIndex index, Plan plan, PlanMetrics metrics) {

    /** Plans the snapshot with the strategy and asserts that the verifier finds nothing wrong. */
    static Planned by(Strategy strategy, Snapshot snapshot) {
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan plan = strategy.plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);
        assertThat(verification.violations()).isEmpty();
        return new Planned(snapshot, problem.index(), plan, verification.metrics());
    }

    /** The snapshot with its only channel at another rate (k, parity, uplinks unchanged). */
    static Snapshot atRate(Snapshot snapshot, long rateKbps) {
        Channel c = snapshot.channels().get(0);
        Channel changed = new Channel(
                c.id(), c.kind(), c.contentClass(), rateKbps, c.substreams(), c.parity(), c.sources(), c.maxDepth());
        return new Snapshot(
                snapshot.format(),
                snapshot.id(),
                snapshot.takenAt(),
                snapshot.regions(),
                snapshot.links(),
                List.of(changed),
                snapshot.nodes(),
                snapshot.defaultLatencyMs());
    }

    /** Per substream of the first channel, each node's parent (-1 where it has none). */
    int[][] parents() {
        int total = snapshot.channels().get(0).totalSubstreams();
        int[][] parents = new int[total][index.nodeCount()];
        for (int[] row : parents) {
            Arrays.fill(row, -1);
        }
        for (Overlay overlay : plan.overlays()) {
            int s = overlay.substream().orElseThrow();
            for (Edge edge : overlay.edges()) {
                parents[s][index.nodeIndex(edge.child()).orElseThrow()] =
                        index.nodeIndex(edge.parent()).orElseThrow();
            }
        }
        return parents;
    }

    /** Peers (role peer) that have children in more than one tree of the first channel. */
    long peersInteriorInSeveralTrees() {
        return peersInteriorInSeveralTrees(false);
    }

    /**
     * Peers (role peer) with children in more than one tree of the first channel, counting only
     * children whose access list does not name the peer.
     */
    long peersInteriorInSeveralTreesBesidesFriends() {
        return peersInteriorInSeveralTrees(true);
    }

    /** Whether the child's access list names the parent by id. */
    boolean names(int child, int parent) {
        return index.node(child).accessList().contains(index.node(parent).id());
    }

    private long peersInteriorInSeveralTrees(boolean besidesFriends) {
        int[][] parents = parents();
        int[] trees = new int[index.nodeCount()];
        for (int[] tree : parents) {
            boolean[] parent = new boolean[index.nodeCount()];
            for (int v = 0; v < tree.length; v++) {
                int p = tree[v];
                if (p >= 0 && !(besidesFriends && names(v, p))) {
                    parent[p] = true;
                }
            }
            for (int i = 0; i < parent.length; i++) {
                trees[i] += parent[i] ? 1 : 0;
            }
        }
        long count = 0;
        for (int i = 0; i < trees.length; i++) {
            if (trees[i] > 1 && !index.node(i).role().isServer()) {
                count++;
            }
        }
        return count;
    }
}
