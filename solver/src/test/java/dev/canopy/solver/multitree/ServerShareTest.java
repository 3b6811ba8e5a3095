package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Servers send only what peers cannot: on an instance whose peers can carry all the demand that
 * they may serve, the origin sends the receivers only it may feed plus one copy of each substream
 * into the peers' trees, and nothing else; access-list receivers that name a friend peer get
 * their substreams from it.
 */
class ServerShareTest {
    private static final long RATE = 1200;
    private static final int K = 4;

    @Test
    void multiTreeServersSendOnlyServerOnlyDemandWhenPeersCanCarryTheRest() {
        Snapshot snapshot = instance(0);

        Planned planned = Planned.by(new MultiTreeStrategy(), snapshot);

        assertThat(planned.plan().unserved()).isEmpty();
        // One copy of each of the k substreams of rate / k enters the peers' trees from the
        // origin: rate in all. Everything else servers send is what only they may send.
        assertThat(planned.metrics().serverUplinkKbps()).isEqualTo(serverOnlyDemandKbps(planned.index()) + RATE);
        int[][] parents = planned.parents();
        for (int r : friendReceivers(planned.index())) {
            for (int[] tree : parents) {
                assertThat(planned.names(r, tree[r]))
                        .as("%s is fed by its friend", planned.index().node(r).id())
                        .isTrue();
            }
        }
        assertThat(planned.peersInteriorInSeveralTreesBesidesFriends()).isZero();
        assertThat(planned.plan().metrics())
                .containsEntry(TreePlanner.FRIEND_RELAYS, 2)
                .containsEntry(TreePlanner.RELAXATIONS, (int) planned.peersInteriorInSeveralTrees());
    }

    @Test
    void codedFriendsFeedAtMostTheParityCountSoThatTheirFailureCostsNoOneTheStream() {
        int parity = 2;
        Snapshot snapshot = instance(parity);

        Planned planned = Planned.by(new CodedStrategy(), snapshot);

        assertThat(planned.plan().unserved()).isEmpty();
        int[][] parents = planned.parents();
        List<Integer> friends = friendReceivers(planned.index());
        assertThat(friends).isNotEmpty();
        for (int r : friends) {
            int byFriend = 0;
            for (int[] tree : parents) {
                assertThat(tree[r]).isNotNegative();
                byFriend += planned.names(r, tree[r]) ? 1 : 0;
            }
            assertThat(byFriend).as(planned.index().node(r).id()).isBetween(1, parity);
        }
        assertThat(planned.peersInteriorInSeveralTreesBesidesFriends()).isZero();
    }

    @Test
    void treesFanOutUnderServersInProportionToTheirReceivers() {
        Snapshot snapshot = instance(0, 900);

        Planned planned = Planned.by(new MultiTreeStrategy(), snapshot);

        assertThat(planned.plan().unserved()).isEmpty();
        // 902 receivers that peers may feed (the 900 peers and the two friends): 0.5 % of them,
        // rounded up, are 5 region entries per tree under the origin, in 5 of the 6 regions.
        int fanOut = 5;
        assertThat(planned.metrics().serverUplinkKbps())
                .isEqualTo(serverOnlyDemandKbps(planned.index()) + fanOut * RATE);
        SnapshotIndex index = planned.index();
        int origin = index.nodeIndex("origin").getAsInt();
        for (int[] tree : planned.parents()) {
            List<Integer> entries = IntStream.range(0, tree.length)
                    .filter(v -> tree[v] == origin && index.node(v).canRelay())
                    .boxed()
                    .toList();
            assertThat(entries).hasSize(fanOut);
            assertThat(entries.stream().map(index::regionOf).distinct()).hasSize(fanOut);
        }
    }

    /**
     * Three countries of two ISPs; an origin with room for everything; 48 (or {@code peers}) regular peers of 2 x
     * rate; per ISP one lightweight receiver whose access list names only the origin and, in
     * two ISPs, one that also names a peer of 4 x rate (its friend).
     */
    private static Snapshot instance(int parity) {
        return instance(parity, 48);
    }

    private static Snapshot instance(int parity, int peers) {
        SnapshotBuilder b = SnapshotBuilder.create("server-share").region("world");
        String[] isos = {"DE", "FR", "US"};
        for (int c = 0; c < isos.length; c++) {
            b.country("c" + c, "world", isos[c]);
            for (String isp : new String[] {"a", "b"}) {
                b.region("isp" + c + isp, "c" + c);
                b.link("l" + c + isp, "isp" + c + isp, "c" + c, 3);
            }
            if (c > 0) {
                b.link("x" + c, "c" + (c - 1), "c" + c, 40);
            }
        }
        b.codedChannel("live", RATE, K, parity, "origin");
        b.origin("origin", "isp0a", RATE * 40);
        List<Limit> restricted = List.of(Limit.ACCESS_LIST, Limit.NO_RELAY);
        for (int p = 0; p < peers; p++) {
            b.peer("p" + p, "isp" + (p % 3) + (p % 2 == 0 ? "a" : "b"), 2 * RATE, "live");
        }
        for (int c = 0; c < isos.length; c++) {
            for (String isp : new String[] {"a", "b"}) {
                String region = "isp" + c + isp;
                b.peer("only-" + region, region, RATE, n -> n.lightweight(restricted.toArray(Limit[]::new))
                        .accessList("role:origin")
                        .wants("live"));
            }
        }
        for (String region : new String[] {"isp1a", "isp2b"}) {
            b.peer("friend-" + region, region, 4 * RATE, "live");
            b.peer("named-" + region, region, RATE, n -> n.lightweight(restricted.toArray(Limit[]::new))
                    .accessList("role:origin", "friend-" + region)
                    .wants("live"));
        }
        return b.build();
    }

    /** Rate x receivers whose access list admits no relaying peer, computed from the snapshot. */
    private static long serverOnlyDemandKbps(SnapshotIndex index) {
        long sum = 0;
        for (int r : index.receivers(0)) {
            Node node = index.node(r);
            boolean peerAdmitted = !node.has(Limit.ACCESS_LIST)
                    || node.accessList().stream().anyMatch(entry -> index.node(entry)
                            .filter(p -> p.role() == Role.PEER && p.canRelay())
                            .isPresent());
            sum += peerAdmitted ? 0 : index.channel(0).rateKbps();
        }
        return sum;
    }

    /** Receivers whose access list names a peer. */
    private static List<Integer> friendReceivers(SnapshotIndex index) {
        return IntStream.of(index.receivers(0))
                .filter(r -> index.node(r).accessList().stream().anyMatch(entry -> index.node(entry)
                        .filter(p -> p.role() == Role.PEER)
                        .isPresent()))
                .boxed()
                .toList();
    }
}
