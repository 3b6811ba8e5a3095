package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
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
        int[] received = received(planned);
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

    @Test
    void whenParityFitsOnlyPartlyEveryReceiverGetsOneParityCopyBeforeAnyGetsTwo() {
        Planned planned = Planned.by(strategy, homogeneousParityTwo());
        int k = 8;
        int receivers = planned.index().receivers(0).length;
        long copies = slotCopies(planned, 150);
        // The precondition: slots for k + 1 substreams per receiver, not for k + 2.
        assertThat(copies).isBetween((long) (k + 1) * receivers, (long) (k + 2) * receivers - 1);

        int[] received = received(planned);
        for (int r : planned.index().receivers(0)) {
            assertThat(received[r]).as(planned.index().node(r).id()).isGreaterThanOrEqualTo(k + 1);
        }
    }

    @Test
    void copiesServersMustSendAnywayGoMostlyToInteriorPeers() {
        Planned planned = Planned.by(strategy, homogeneousParityTwo());
        int[][] parents = planned.parents();
        int n = planned.index().nodeCount();
        long toInterior = 0;
        long toLeaves = 0;
        for (int[] tree : parents) {
            boolean[] relays = new boolean[n];
            for (int v = 0; v < n; v++) {
                if (tree[v] >= 0) {
                    relays[tree[v]] = true;
                }
            }
            for (int v = 0; v < n; v++) {
                boolean peerChild = !planned.index().node(v).role().isServer()
                        && planned.index().node(v).accessList().isEmpty();
                if (tree[v] >= 0
                        && peerChild
                        && planned.index().node(tree[v]).role().isServer()) {
                    toInterior += relays[v] ? 1 : 0;
                    toLeaves += relays[v] ? 0 : 1;
                }
            }
        }
        // Before, the forced copies filled the first parity tree's leaves: 121 to interior
        // peers, 929 to leaves on this instance; entries make every tree shallower.
        assertThat(toInterior).isGreaterThan(toLeaves);
    }

    /** Uplinks 1.2 x rate: 9 slots of 150 kbps per relaying peer, short of k + 2 = 10 per receiver. */
    private static Snapshot homogeneousParityTwo() {
        return NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                .withSubstreams(8)
                .withParity(2)
                .withMix(CapacityMix.HOMOGENEOUS)
                .withSeed(1));
    }

    /** Substream copies of {@code edgeKbps} all nodes that may relay can send (whole copies). */
    private static long slotCopies(Planned planned, long edgeKbps) {
        long copies = 0;
        for (int v = 0; v < planned.index().nodeCount(); v++) {
            var node = planned.index().node(v);
            if (node.canRelay()) {
                copies += node.uplinkKbps() / edgeKbps;
            }
        }
        return copies;
    }

    private static int[] received(Planned planned) {
        int[] received = new int[planned.index().nodeCount()];
        for (int[] tree : planned.parents()) {
            for (int v = 0; v < received.length; v++) {
                received[v] += tree[v] >= 0 ? 1 : 0;
            }
        }
        return received;
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
