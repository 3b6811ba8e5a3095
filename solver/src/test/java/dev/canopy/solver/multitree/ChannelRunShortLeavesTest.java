package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ChannelRun}'s shortcut: when an attempt leaves kept receivers short, ejecting by the
 * seed's order ejects nobody more and every short receiver feeds no one, the short ones are dropped
 * from that attempt's trees with no rebuild, so every other edge stays as that attempt built it.
 *
 * <p>The network: an origin in "core"; in "far", behind a link that carries exactly the two
 * substreams the CDN there receives first (so it is full), the CDN, regular peers (four unless said), a friend
 * peer with one slot, and lightweight no-relay receivers whose access list names only the origin
 * and the friend. The friend can feed one of them one substream of two and the origin cannot
 * reach them, so the first is short and the others get nothing, while the far region's uplink is
 * ample for everyone else.
 */
class ChannelRunShortLeavesTest {
    private static final long RATE = 1000;

    @Test
    void aShortLeafIsDroppedAndTheTreesItWasBuiltWithAreKept() {
        Planned planned = Planned.by(new MultiTreeStrategy(), instance(4, 1));

        assertThat(unserved(planned)).containsExactly(Map.entry("named0", UnservedReason.EJECTED));
        assertThat(planned.plan().metrics()).containsEntry(TreePlanner.EJECTED, 1);
        // The friend's slot was reserved for named0 when the trees were built; dropping named0
        // gives it back without a rebuild, so no one else hangs under the friend. A rebuild
        // without named0 would hand that slot to a peer (it does here).
        assertThat(childrenOf(planned, "friend")).isZero();
    }

    @Test
    void theMetricsCountTheTreesAsReturnedNotAsTheAttemptBuiltThem() {
        // With one regular peer the friend is interior in the other tree than the one it feeds
        // named0 in: a friend relay while the attempt stands, none once named0 is dropped.
        Planned planned = Planned.by(new MultiTreeStrategy(), instance(1, 1));

        assertThat(unserved(planned)).containsExactly(Map.entry("named0", UnservedReason.EJECTED));
        assertThat(childrenOf(planned, "friend")).isZero();
        assertThat(planned.plan().metrics())
                .containsEntry(TreePlanner.FRIEND_RELAYS, 0)
                .containsEntry(TreePlanner.RELAXATIONS, (int) planned.peersInteriorInSeveralTrees())
                .containsEntry(TreePlanner.EJECTED, 1);
    }

    @Test
    void onlyTheShortReceiverIsEjectedNotTheOneThatGotNothing() {
        Planned planned = Planned.by(new MultiTreeStrategy(), instance(4, 2));

        // named1 got no substream (the friend's one slot went to named0), so it was never short:
        // it stays unserved for capacity. A rebuild without named0 would give it the friend's
        // copy, leave it short in turn and eject it too.
        assertThat(unserved(planned))
                .containsOnly(
                        Map.entry("named0", UnservedReason.EJECTED), Map.entry("named1", UnservedReason.CAPACITY));
        assertThat(planned.plan().metrics()).containsEntry(TreePlanner.EJECTED, 1);
    }

    /** Unserved receivers of the only channel by node id; everyone not listed got both substreams. */
    private static Map<String, UnservedReason> unserved(Planned planned) {
        assertThat(planned.metrics().channels().get("live").served())
                .isEqualTo(planned.index().receivers(0).length
                        - planned.plan().unserved().size());
        return planned.plan().unserved().stream().collect(Collectors.toMap(Unserved::node, Unserved::reason));
    }

    private static long childrenOf(Planned planned, String node) {
        long count = 0;
        for (Overlay overlay : planned.plan().overlays()) {
            for (Edge edge : overlay.edges()) {
                count += edge.parent().equals(node) ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * The network of the class comment with {@code peers} regular peers (uplinks of one and two
     * substreams in turn) and {@code named} access-list receivers naming the friend.
     */
    private static Snapshot instance(int peers, int named) {
        SnapshotBuilder b =
                SnapshotBuilder.create("short-leaves").region("core").region("far");
        b.link("core-far", "core", "far", 10, 2 * RATE);
        b.channel("live", 2 * RATE, 2, "origin");
        b.origin("origin", "core", 40 * RATE);
        b.cdn("cdn", "far", 6 * RATE, "live");
        for (int p = 0; p < peers; p++) {
            b.peer("p" + p, "far", (p % 2 == 0 ? 1 : 2) * RATE, "live");
        }
        b.peer("friend", "far", RATE, "live");
        for (int j = 0; j < named; j++) {
            b.peer("named" + j, "far", RATE, n -> n.lightweight(Limit.ACCESS_LIST, Limit.NO_RELAY)
                    .accessList("role:origin", "friend")
                    .wants("live"));
        }
        return b.build();
    }
}
