package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import org.junit.jupiter.api.Test;

/** What the parity substreams of coded buy: no single failed peer costs anyone the stream. */
class CodedBehaviourTest {
    private final CodedStrategy strategy = new CodedStrategy();

    @Test
    void withParityTwoNoSinglePeerFailureLeavesAnyoneWithFewerThanK() {
        Snapshot snapshot = NetworkGenerator.generate(
                GeneratorOptions.defaults(400).withSubstreams(4).withParity(2).withSeed(31));

        Planned planned = Planned.by(strategy, snapshot);
        assertThat(planned.peersInteriorInSeveralTreesBesidesFriends()).isZero();
        assertThat(planned.plan().metrics())
                .containsEntry(TreePlanner.RELAXATIONS, planned.plan().metrics().get(TreePlanner.FRIEND_RELAYS));

        int k = 4;
        int total = 6;
        int[][] parents = planned.parents();
        int n = planned.index().nodeCount();
        int[] received = new int[n];
        for (int[] tree : parents) {
            for (int v = 0; v < n; v++) {
                received[v] += tree[v] >= 0 ? 1 : 0;
            }
        }
        for (int r : planned.index().receivers(0)) {
            assertThat(received[r]).as(planned.index().node(r).id()).isEqualTo(total);
        }
        for (int failed = 0; failed < n; failed++) {
            if (planned.index().node(failed).role().isServer()) {
                continue;
            }
            for (int v = 0; v < n; v++) {
                if (v == failed || received[v] < k) {
                    continue;
                }
                int kept = 0;
                for (int[] tree : parents) {
                    kept += tree[v] >= 0 && !onPath(tree, v, failed) ? 1 : 0;
                }
                assertThat(kept)
                        .as(
                                "%s without %s",
                                planned.index().node(v).id(),
                                planned.index().node(failed).id())
                        .isGreaterThanOrEqualTo(k);
            }
        }
    }

    @Test
    void whenParityDoesNotFitEveryoneStillGetsK() {
        Snapshot nominal = NetworkGenerator.generate(GeneratorOptions.defaults(1000)
                .withSubstreams(4)
                .withParity(2)
                .withLightweightShare(0)
                .withSeed(32));
        // At 1600 kbps the peers' slots cover about k but not k + n substreams per receiver.
        Snapshot snapshot = Planned.atRate(nominal, 1600);

        Planned planned = Planned.by(strategy, snapshot);

        assertThat(planned.plan().unserved()).isEmpty();
        assertThat(planned.metrics().edges()).isLessThan(6 * planned.index().receivers(0).length);
    }

    /** Whether {@code failed} is {@code v} or one of its ancestors in the tree. */
    private static boolean onPath(int[] parent, int v, int failed) {
        for (int u = v; u >= 0; u = parent[u]) {
            if (u == failed) {
                return true;
            }
        }
        return false;
    }
}
