package dev.canopy.policies.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.canopy.model.Limit;
import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Tier;
import dev.canopy.model.plan.UnservedReason;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The figures the verifier measures, each on a small case computed by hand. */
class PlanVerifierMetricsTest {
    private static final Offset<Double> EXACT = within(1e-9);

    private static PlanMetrics metrics(Snapshot snapshot, PlanBuilder plan) {
        Verification verification = PlanVerifier.verify(snapshot, plan.build());
        assertThat(verification.violations())
                .as("the plan itself must be valid")
                .isEmpty();
        return verification.metrics();
    }

    private static Node peer(String id, long uplinkKbps, Tier tier, String... wants) {
        return Node.builder(id, "r1", uplinkKbps).tier(tier).wants(wants).build();
    }

    @Test
    void servedFractionPerChannelAndPerTier() {
        Snapshot s = SnapshotBuilder.create("tiers")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .channel("radio", 100, 1, "o1")
                .origin("o1", "r1", 10_000)
                .node(peer("p1", 0, Tier.PREMIUM, "live", "radio"))
                .node(peer("p2", 0, Tier.STANDARD, "live"))
                .node(peer("p3", 0, Tier.STANDARD, "live"))
                .node(peer("p4", 0, Tier.FREE, "live", "radio"))
                .build();

        PlanMetrics m = metrics(
                s,
                PlanBuilder.forSnapshot(s)
                        .tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>p4")
                        .tree("radio", 0, 100, "o1>p1")
                        .unserved("p3", "live", UnservedReason.CAPACITY, 0)
                        .unserved("p4", "radio", UnservedReason.CAPACITY, 0));

        ChannelMetrics live = m.channels().get("live");
        assertThat(live.receivers()).isEqualTo(4);
        assertThat(live.served()).isEqualTo(3);
        assertThat(live.servedFraction()).isCloseTo(0.75, EXACT);
        assertThat(live.servedByTier())
                .containsExactly(entry("premium", 1.0), entry("standard", 0.5), entry("free", 1.0));
        ChannelMetrics radio = m.channels().get("radio");
        assertThat(radio.servedFraction()).isCloseTo(0.5, EXACT);
        assertThat(radio.servedByTier()).containsExactly(entry("premium", 1.0), entry("free", 0.0));
        // over both channels: premium 2 of 2, standard 1 of 2, free 1 of 2
        assertThat(m.servedByTier()).containsExactly(entry("premium", 1.0), entry("standard", 0.5), entry("free", 0.5));
        assertThat(m.servedFraction()).isCloseTo(4.0 / 6, EXACT);
        assertThat(m.unserved()).isEqualTo(2);
        assertThat(m.edges()).isEqualTo(4);
    }

    @Test
    void physicalLimitCountsOnlyUplinkThatMayRelayTheChannel() {
        // S = 3000; receivers p1 (1000), p2 (500), l1 (no-relay, 4000: not counted), l2 (no-inbound, 100);
        // waypoint w1 does not want the channel but may relay it (2000); peer p9 does not want it (not counted).
        // min(S, (S + R) / N) = min(3000, (3000 + 1000 + 500 + 100 + 2000) / 4) = 1650
        Snapshot s = SnapshotBuilder.create("limit")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 3000)
                .peer("p1", "r1", 1000, "live")
                .peer("p2", "r1", 500, "live")
                .lightweight("l1", "r1", 4000, List.of(Limit.NO_RELAY), "live")
                .lightweight("l2", "r1", 100, List.of(Limit.NO_INBOUND), "live")
                .node(Node.builder("w1", "r1", 2000).role(Role.WAYPOINT).build())
                .peer("p9", "r1", 7000)
                .build();
        PlanBuilder plan = PlanBuilder.forSnapshot(s);
        for (String p : List.of("p1", "p2", "l1", "l2")) {
            plan.unserved(p, "live", UnservedReason.CAPACITY, 0);
        }

        ChannelMetrics live = metrics(s, plan).channels().get("live");

        assertThat(live.receivers()).isEqualTo(4);
        assertThat(live.physicalLimitKbps()).isCloseTo(1650.0, EXACT);
        assertThat(live.servedFraction()).isZero();
    }

    @Test
    void physicalLimitIsTheSourcesUplinkWhenRelaysAbound() {
        Snapshot s = SnapshotBuilder.create("limit")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .channel("quiet", 1000, 1, "o1")
                .origin("o1", "r1", 600)
                .peer("p1", "r1", 5000, "live")
                .build();

        PlanMetrics m = metrics(s, PlanBuilder.forSnapshot(s).unserved("p1", "live", UnservedReason.CAPACITY, 0));

        assertThat(m.channels().get("live").physicalLimitKbps()).isCloseTo(600.0, EXACT);
        // nobody wants "quiet": its limit is the sources' uplink and it counts as fully served
        assertThat(m.channels().get("quiet").physicalLimitKbps()).isCloseTo(600.0, EXACT);
        assertThat(m.channels().get("quiet").servedFraction()).isEqualTo(1.0);
    }

    @Test
    void serverAndPeerUplinkAndOffload() {
        Snapshot s = SnapshotBuilder.create("offload")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 5000)
                .cdn("c1", "r1", 5000, "live")
                .peer("p1", "r1", 2000, "live")
                .peer("p2", "r1", 0, "live")
                .peer("p3", "r1", 1000, "live")
                .peer("p4", "r1", 0, "live")
                .build();

        PlanMetrics m = metrics(
                s, PlanBuilder.forSnapshot(s).tree("live", 0, 1000, "o1>c1", "c1>p1", "p1>p2", "p1>p3", "p3>p4"));

        assertThat(m.serverUplinkKbps()).isEqualTo(2000);
        assertThat(m.peerUplinkKbps()).isEqualTo(3000);
        assertThat(m.offload()).isCloseTo(0.6, EXACT);
    }

    @Test
    void crossRegionAndCrossCountryShares() {
        // dt and vf are leaf regions of de (DE); fr is FR; p4 sits in dt but names its own country AT
        Snapshot s = SnapshotBuilder.create("borders")
                .region("eu")
                .country("de", "eu", "DE")
                .country("fr", "eu", "FR")
                .region("dt", "de")
                .region("vf", "de")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "dt", 5000)
                .peer("p1", "dt", 2000, "live")
                .peer("p2", "vf", 1000, "live")
                .peer("p3", "fr", 0, "live")
                .peer("p4", "dt", 0, b -> b.country("AT").wants("live"))
                .peer("p5", "vf", 0, "live")
                .build();

        // o1>p1 stays inside dt; p1>p2 and p1>p5 cross regions only; p2>p3 crosses both; o1>p4 a country only
        PlanMetrics m = metrics(
                s, PlanBuilder.forSnapshot(s).tree("live", 0, 1000, "o1>p1", "p1>p2", "p1>p5", "p2>p3", "o1>p4"));

        assertThat(m.crossRegionShare()).isCloseTo(3000.0 / 5000, EXACT);
        assertThat(m.crossCountryShare()).isCloseTo(2000.0 / 5000, EXACT);
    }

    @Test
    void maxAndMeanDepthOverTreesAndMeshes() {
        Snapshot s = SnapshotBuilder.create("depth")
                .region("r1")
                .codedChannel("live", 1000, 2, 0, "o1")
                .channel("radio", 100, 1, "o1")
                .origin("o1", "r1", 10_000)
                .peer("p1", "r1", 1000, "live", "radio")
                .peer("p2", "r1", 1000, "live", "radio")
                .peer("p3", "r1", 1000, "live", "radio")
                .peer("p4", "r1", 1000, "radio")
                .build();

        PlanMetrics m = metrics(
                s,
                PlanBuilder.forSnapshot(s)
                        .tree("live", 0, 500, "o1>p1", "p1>p2", "p2>p3")
                        .tree("live", 1, 500, "o1>p1", "o1>p2", "o1>p3")
                        .mesh("radio", 100, "o1>p1", "p1>p2", "p2>p3", "p3>p4", "p4>p1"));

        // live: depths 1, 2, 3 in substream 0 and 1, 1, 1 in substream 1
        assertThat(m.channels().get("live").maxDepth()).isEqualTo(3);
        assertThat(m.channels().get("live").meanDepth()).isCloseTo(9.0 / 6, EXACT);
        // radio: hops 1, 2, 3, 4 (p4 -> p1 is a duplicate path)
        assertThat(m.channels().get("radio").maxDepth()).isEqualTo(4);
        assertThat(m.channels().get("radio").meanDepth()).isCloseTo(10.0 / 4, EXACT);
        assertThat(m.maxDepth()).isEqualTo(4);
        assertThat(m.meanDepth()).isCloseTo(19.0 / 10, EXACT);
    }

    @Test
    void linkLoadPerDirectionWithOutsideLoadInUtilisation() {
        Snapshot s = SnapshotBuilder.create("loads")
                .region("a")
                .region("b")
                .region("c")
                .region("x")
                .region("y")
                .region("z")
                .link(new Link(
                        "a-b", "a", "b", LinkKind.PEERING, OptionalLong.of(10_000), 5.0, 1000, OptionalDouble.empty()))
                .link("b-c", "b", "c", 5)
                .link(new Link(
                        "x-y", "x", "y", LinkKind.TRANSIT, OptionalLong.of(5000), 5.0, 500, OptionalDouble.empty()))
                .link("y-z", "y", "z", 5)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "a", 5000)
                .peer("p1", "b", 1000, "live")
                .peer("p2", "b", 1000, "live")
                .peer("p3", "a", 0, "live")
                .peer("p4", "c", 0, "live")
                .build();

        PlanMetrics m =
                metrics(s, PlanBuilder.forSnapshot(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "p1>p3", "p2>p4"));

        // a-b: 2000 a->b, 1000 b->a, (2000 + 1000 outside) / 10000; b-c is unbounded; x-y carries only
        // outside load; y-z carries nothing and has no capacity, so it is left out
        assertThat(m.links())
                .containsExactly(
                        new LinkLoad("a-b", 2000, 1000, 1000, OptionalLong.of(10_000), 0.3),
                        new LinkLoad("b-c", 1000, 0, 0, OptionalLong.empty(), 0.0),
                        new LinkLoad("x-y", 0, 0, 500, OptionalLong.of(5000), 0.1));
    }

    @Test
    void emptyPlanWhereNobodyWantsAnythingIsClean() {
        Snapshot s = SnapshotBuilder.create("idle")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 5000)
                .peer("p1", "r1", 1000)
                .peer("p2", "r1", 1000)
                .build();

        Verification verification =
                PlanVerifier.verify(s, PlanBuilder.forSnapshot(s).build());

        assertThat(verification.ok()).isTrue();
        PlanMetrics m = verification.metrics();
        assertThat(m.servedFraction()).isEqualTo(1.0);
        assertThat(m.servedByTier()).isEmpty();
        assertThat(m.channels().get("live").receivers()).isZero();
        assertThat(m.edges()).isZero();
        assertThat(m.serverUplinkKbps()).isZero();
        assertThat(m.peerUplinkKbps()).isZero();
        assertThat(m.offload()).isZero();
        assertThat(m.maxDepth()).isZero();
        assertThat(m.meanDepth()).isZero();
        assertThat(m.links()).isEmpty();
    }
}
