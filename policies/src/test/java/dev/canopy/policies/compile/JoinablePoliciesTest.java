package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.Device;
import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.Routing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Policies that learn a node answer for it as the policies compiled with the node in the
 * snapshot do: every selector kind (ids, roles, regions by ancestry, countries inherited from the
 * region tree, tiers, groups, devices, ip prefixes), hours in the node's zone, and the caps.
 */
class JoinablePoliciesTest {
    private static final String POLICIES =
            """
              - id: ban-de
                kind: geo-ban
                countries: [DE]
              - id: deny-kids
                kind: deny
                nodes: { groups: [kids] }
              - id: deny-lab
                kind: deny
                nodes: { ipPrefixes: [10.9.0.0/16] }
              - id: deny-named
                kind: deny
                nodes: { ids: [p-named] }
              - id: phones-own
                kind: pairing
                nodes: { devices: [phone] }
                only: same-owner
              - id: office-only
                kind: affinity
                group: office
                mode: only
                hours: 00:00-23:59
              - id: free-late
                kind: delayed-feed
                tiers: [free]
                channels: { ids: [live] }
                delaySec: 30
              - id: shallow-berlin
                kind: max-depth
                nodes: { regions: [berlin] }
                depth: 2
              - id: cdn-shallow
                kind: max-depth
                nodes: { roles: [cdn] }
                depth: 1
              - id: into-fr
                kind: region-cap
                region: fr
                flow: ingress
                maxKbps: 1000
              - id: free-window
                kind: serve-window
                nodes: { tiers: [free] }
                maxUplinkShare: 0.5
            """;

    /** The snapshot nodes and, last, the nodes that join; the session sees the first {@code base}. */
    private static Snapshot full() {
        return SnapshotBuilder.create("join")
                .takenAt("2024-05-01T12:00:00Z")
                .region("eu")
                .country("de", "eu", "DE")
                .region("berlin", "de")
                .country("fr", "eu", "FR")
                .link("l-de-fr", "de", "fr", 10)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "fr", 10000)
                .peer("p-fr", "fr", 3000, "live")
                .peer("p-office", "fr", 3000, b -> b.groups("office").wants("live"))
                .peer("p-phone", "fr", 3000, b -> b.device(Device.PHONE)
                        .owner("ann")
                        .wants("live"))
                .peer("p-kid", "fr", 3000, b -> b.groups("kids").wants("live"))
                .peer("p-named", "fr", 3000, "live")
                .peer("j-berlin", "berlin", 3000, "live")
                .peer("j-fr", "fr", 3000, b -> b.tier(Tier.FREE).wants("live"))
                .peer("j-kid", "fr", 3000, b -> b.groups("kids").wants("live"))
                .peer("j-lab", "fr", 3000, b -> b.ip("10.9.3.4").wants("live"))
                .peer("j-named", "fr", 3000, "live")
                .peer("j-phone", "fr", 3000, b -> b.device(Device.PHONE)
                        .owner("ann")
                        .wants("live"))
                .peer("j-office", "fr", 3000, b -> b.groups("office")
                        .tier(Tier.FREE)
                        .wants("live"))
                .cdn("j-cdn", "fr", 9000, "live")
                .build();
    }

    private static final int BASE = 6;

    private static Snapshot first(Snapshot snapshot, int count) {
        return new Snapshot(
                snapshot.format(),
                snapshot.id(),
                snapshot.takenAt(),
                snapshot.regions(),
                snapshot.links(),
                snapshot.channels(),
                snapshot.nodes().subList(0, count),
                snapshot.defaultLatencyMs());
    }

    @Test
    void learnedNodesGetTheAnswersOfAFullCompilation() {
        Snapshot full = full();
        PolicyDocument document = Compiled.document(POLICIES);
        SnapshotIndex fullIndex = SnapshotIndex.of(full);
        CompiledPolicies expected = CompiledPolicies.compile(document, Routing.of(fullIndex));
        SnapshotIndex baseIndex = SnapshotIndex.of(first(full, BASE));
        JoinablePolicies joinable =
                CompiledPolicies.compile(document, Routing.of(baseIndex)).joinable();
        for (int i = BASE; i < full.nodes().size(); i++) {
            Node node = full.nodes().get(i);
            joinable.learn(i, node, baseIndex.regionIndex(node.region()).orElseThrow());
        }
        CompiledPolicies learned = joinable.policies();

        int n = full.nodes().size();
        assertThat(joinable.nodeCount()).isEqualTo(n);
        PolicyLedger want = expected.ledger(Relaxations.none());
        PolicyLedger got = learned.ledger(Relaxations.none());
        for (int child = 0; child < n; child++) {
            assertThat(ids(learned.barred(child, 0))).isEqualTo(ids(expected.barred(child, 0)));
            assertThat(learned.maxDepth(child, 0)).isEqualTo(expected.maxDepth(child, 0));
            assertThat(learned.delaySec(child, 0)).isEqualTo(expected.delaySec(child, 0));
            for (int parent = 0; parent < n; parent++) {
                assertThat(ids(learned.forbidsEdge(parent, child, 0)))
                        .as(
                                "%s -> %s",
                                full.nodes().get(parent).id(),
                                full.nodes().get(child).id())
                        .isEqualTo(ids(expected.forbidsEdge(parent, child, 0)));
                assertThat(ids(got.exceeds(parent, child, 0, 0, 1000)))
                        .isEqualTo(ids(want.exceeds(parent, child, 0, 0, 1000)));
            }
        }
        assertThat(ids(learned.barred(number(full, "j-berlin"), 0))).isEqualTo("ban-de");
        assertThat(ids(learned.barred(number(full, "j-kid"), 0))).isEqualTo("deny-kids");
        assertThat(ids(learned.barred(number(full, "j-lab"), 0))).isEqualTo("deny-lab");
        assertThat(ids(learned.barred(number(full, "p-named"), 0))).isEqualTo("deny-named");
        assertThat(learned.barred(number(full, "j-named"), 0)).isEmpty();
        assertThat(ids(learned.forbidsEdge(number(full, "p-fr"), number(full, "j-phone"), 0)))
                .isEqualTo("phones-own");
        assertThat(ids(learned.forbidsEdge(number(full, "j-office"), number(full, "p-fr"), 0)))
                .isEqualTo("office-only");
        assertThat(ids(learned.forbidsEdge(number(full, "j-fr"), number(full, "p-fr"), 0)))
                .isEqualTo("free-late");
        assertThat(learned.maxDepth(number(full, "j-cdn"), 0)).hasValue(1);
    }

    @Test
    void aJoinedNodesTrafficCountsInTheCaps() {
        Snapshot full = full();
        SnapshotIndex baseIndex = SnapshotIndex.of(first(full, BASE));
        JoinablePolicies joinable = CompiledPolicies.compile(Compiled.document(POLICIES), Routing.of(baseIndex))
                .joinable();
        Node berlin = full.nodes().get(BASE);
        joinable.learn(BASE, berlin, baseIndex.regionIndex("berlin").orElseThrow());
        PolicyLedger ledger = joinable.policies().ledger(Relaxations.none());
        int frPeer = baseIndex.nodeIndex("p-fr").orElseThrow();

        ledger.reserve(BASE, frPeer, 0, 0, 1000);

        assertThat(ids(ledger.exceeds(BASE, frPeer, 0, 0, 1))).isEqualTo("into-fr");
    }

    @Test
    void aNodeThatComesBackIsDecidedAfresh() {
        Snapshot full = full();
        SnapshotIndex index = SnapshotIndex.of(full);
        JoinablePolicies joinable = CompiledPolicies.compile(Compiled.document(POLICIES), Routing.of(index))
                .joinable();
        int kid = index.nodeIndex("j-kid").orElseThrow();
        Node grown = Node.builder("j-kid", "fr", 3000).wants("live").build();

        joinable.learn(kid, grown, index.regionIndex("fr").orElseThrow());

        assertThat(joinable.policies().barred(kid, 0)).isEmpty();
    }

    @Test
    void numbersMustStayDense() {
        Snapshot full = full();
        SnapshotIndex index = SnapshotIndex.of(first(full, BASE));
        JoinablePolicies joinable = CompiledPolicies.compile(Compiled.document(POLICIES), Routing.of(index))
                .joinable();

        assertThatThrownBy(() -> joinable.learn(BASE + 1, full.nodes().get(BASE), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedCompilationIsLeftAsItIs() {
        Snapshot full = full();
        SnapshotIndex index = SnapshotIndex.of(full);
        CompiledPolicies shared = CompiledPolicies.compile(Compiled.document(POLICIES), Routing.of(index));
        int kid = index.nodeIndex("j-kid").orElseThrow();
        Node grown = Node.builder("j-kid", "fr", 3000).wants("live").build();

        shared.joinable().learn(kid, grown, index.regionIndex("fr").orElseThrow());

        assertThat(ids(shared.barred(kid, 0))).isEqualTo("deny-kids");
    }

    private static int number(Snapshot snapshot, String id) {
        List<Node> nodes = snapshot.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static String ids(Optional<Policy> policy) {
        return policy.map(Policy::id).orElse("");
    }
}
