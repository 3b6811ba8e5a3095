package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.PlanBuilder.edge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Limit;
import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.UnservedReason;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each verifier rule on a 3 to 6 node snapshot built in code: the plan that breaks it yields
 * exactly the expected violation (rule, node, channel and message), and the nearest plan that
 * keeps it yields none.
 */
class PlanVerifierTest {

    /** Origin o1 (5000 kbps up) and peers p1, p2 (1000 kbps up) in one region; "live" is 1000 kbps, k=1. */
    private static SnapshotBuilder tiny() {
        return SnapshotBuilder.create("tiny")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 5000)
                .peer("p1", "r1", 1000, "live")
                .peer("p2", "r1", 1000, "live");
    }

    /** Like {@link #tiny} with a coded channel: k substreams of 1000 / k kbps plus n parity ones. */
    private static SnapshotBuilder coded(int k, int n) {
        return SnapshotBuilder.create("coded")
                .region("r1")
                .codedChannel("live", 1000, k, n, "o1")
                .origin("o1", "r1", 5000)
                .peer("p1", "r1", 1000, "live")
                .peer("p2", "r1", 1000, "live");
    }

    private static PlanBuilder plan(Snapshot snapshot) {
        return PlanBuilder.forSnapshot(snapshot);
    }

    private static List<Violation> violations(Snapshot snapshot, PlanBuilder plan) {
        return PlanVerifier.verify(snapshot, plan.build()).violations();
    }

    private static Violation violation(Rule rule, String node, String channel, String message) {
        return new Violation(rule, Optional.ofNullable(node), Optional.ofNullable(channel), message);
    }

    @Test
    void aPlanServingEveryoneOverOneTreeIsClean() {
        Snapshot s = tiny().build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2")))
                .isEmpty();
    }

    @Nested
    class References {
        @Test
        void planForAnotherSnapshotIsReported() {
            Snapshot s = tiny().build();

            assertThat(violations(s, plan(s).snapshot("other").tree("live", 0, 1000, "o1>p1", "o1>p2")))
                    .containsExactly(violation(
                            Rule.SNAPSHOT_MISMATCH, null, null, "plan is for snapshot \"other\", not \"tiny\""));
        }

        @Test
        void overlayForUnknownChannelIsReported() {
            Snapshot s = tiny().build();

            assertThat(violations(
                            s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2").tree("radio", 0, 128, "o1>p1")))
                    .containsExactly(
                            violation(Rule.UNKNOWN_CHANNEL, null, "radio", "overlay for unknown channel \"radio\""));
        }

        @Test
        void unservedAndClubEntriesForUnknownChannelsAreReported() {
            Snapshot s = tiny().build();

            assertThat(violations(
                            s,
                            plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2")
                                    .unserved("p1", "radio", UnservedReason.CAPACITY, 0)
                                    .club("radio", 0, "p1")))
                    .containsExactlyInAnyOrder(
                            violation(
                                    Rule.UNKNOWN_CHANNEL,
                                    "p1",
                                    "radio",
                                    "unserved entry names unknown channel \"radio\""),
                            violation(Rule.UNKNOWN_CHANNEL, null, "radio", "club 0 names unknown channel \"radio\""));
        }

        @Test
        void edgeToUnknownNodeIsReportedOncePerNode() {
            Snapshot s = tiny().build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "p1>p9", "p2>p9")))
                    .containsExactly(violation(Rule.UNKNOWN_NODE, "p9", "live", "edge names unknown node \"p9\""));
        }

        @Test
        void listEntriesNamingUnknownNodesAreReported() {
            Snapshot s = tiny().build();

            assertThat(violations(
                            s,
                            plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2")
                                    .unserved("p9", "live", UnservedReason.CAPACITY, 0)
                                    .club("live", 0, "p8")
                                    .relaxed("p7", "cap-1")))
                    .containsExactlyInAnyOrder(
                            violation(Rule.UNKNOWN_NODE, "p9", "live", "unserved entry names unknown node \"p9\""),
                            violation(Rule.UNKNOWN_NODE, "p8", "live", "club 0 of \"live\" names unknown node \"p8\""),
                            violation(Rule.UNKNOWN_NODE, "p7", null, "relaxed entry names unknown node \"p7\""));
        }

        @Test
        void treeForSubstreamBeyondKPlusNIsReportedAndParityIsNot() {
            Snapshot s = coded(2, 1).build();
            PlanBuilder valid = plan(s).tree("live", 0, 500, "o1>p1", "o1>p2")
                    .tree("live", 1, 500, "o1>p1", "o1>p2")
                    .tree("live", 2, 500, "o1>p1");

            assertThat(violations(s, valid)).isEmpty();
            assertThat(violations(s, valid.tree("live", 3, 500, "o1>p2")))
                    .containsExactly(violation(
                            Rule.BAD_SUBSTREAM,
                            null,
                            "live",
                            "tree for substream 3 of \"live\", which has substreams 0..2"));
        }
    }

    @Nested
    class Trees {
        /** Origin o1 and peers p1 to p5 with 2000 kbps up, all wanting "live". */
        private Snapshot sixNodes() {
            SnapshotBuilder b = SnapshotBuilder.create("six")
                    .region("r1")
                    .channel("live", 1000, 1, "o1")
                    .origin("o1", "r1", 5000);
            for (String p : List.of("p1", "p2", "p3", "p4", "p5")) {
                b.peer(p, "r1", 2000, "live");
            }
            return b.build();
        }

        @Test
        void childWithTwoParentsIsReported() {
            Snapshot s = tiny().build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "p1>p2")))
                    .containsExactly(violation(
                            Rule.TWO_PARENTS,
                            "p2",
                            "live",
                            "\"p2\" has two parents for substream 0 of \"live\": \"o1\" and \"p1\""));
        }

        @Test
        void twoTreesOfOneSubstreamAreOneTree() {
            Snapshot s = tiny().build();

            assertThat(violations(
                            s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2").tree("live", 0, 1000, "p1>p2")))
                    .containsExactly(violation(
                            Rule.TWO_PARENTS,
                            "p2",
                            "live",
                            "\"p2\" has two parents for substream 0 of \"live\": \"o1\" and \"p1\""));
        }

        @Test
        void oneParentPerSubstreamIsFine() {
            Snapshot s = coded(2, 0).build();

            assertThat(violations(
                            s, plan(s).tree("live", 0, 500, "o1>p1", "o1>p2").tree("live", 1, 500, "o1>p1", "p1>p2")))
                    .isEmpty();
        }

        @Test
        void cycleIsReportedOnceWithItsRing() {
            Snapshot s = sixNodes();
            PlanBuilder plan = plan(s).tree("live", 0, 1000, "o1>p1", "p2>p3", "p3>p4", "p4>p2", "p3>p5");
            for (String p : List.of("p2", "p3", "p4", "p5")) {
                plan.unserved(p, "live", UnservedReason.CAPACITY, 0);
            }

            assertThat(violations(s, plan))
                    .containsExactly(violation(
                            Rule.CYCLE, "p2", "live", "substream 0 of \"live\" has a cycle: p2 -> p3 -> p4 -> p2"));
        }

        @Test
        void rootThatIsNotASourceIsReportedOnceAndItsSubtreeGetsNothing() {
            Snapshot s = sixNodes();
            // p3 to p5 are listed with 0 substreams: counting them as receiving would be a mismatch
            PlanBuilder unrooted = plan(s).tree("live", 0, 1000, "o1>p1", "p2>p3", "p2>p4", "p3>p5");
            for (String p : List.of("p2", "p3", "p4", "p5")) {
                unrooted.unserved(p, "live", UnservedReason.CAPACITY, 0);
            }

            assertThat(violations(s, unrooted))
                    .containsExactly(
                            violation(
                                    Rule.PARENT_NOT_SERVED,
                                    "p2",
                                    "live",
                                    "\"p2\" sends substream 0 of \"live\" but does not receive it (it has no parent and is not a source)"));
        }

        @Test
        void aNodeFedByAFloodingMeshMayRootSubstreamTrees() {
            Snapshot s = sixNodes();
            PlanBuilder plan =
                    plan(s).mesh("live", 1000, "o1>p1").tree("live", 0, 1000, "p1>p2", "p2>p3", "p1>p4", "p4>p5");

            Verification verification = PlanVerifier.verify(s, plan.build());

            assertThat(verification.violations()).isEmpty();
            assertThat(verification.metrics().channels().get("live").served()).isEqualTo(5);
            assertThat(verification.metrics().maxDepth()).isEqualTo(3);
        }

        @Test
        void aTreeUnderAMeshNodeThatTheMeshDoesNotReachIsStillUnrooted() {
            Snapshot s = sixNodes();
            PlanBuilder plan = plan(s).mesh("live", 1000, "o1>p1", "p2>p3").tree("live", 0, 1000, "p2>p4");
            for (String p : List.of("p2", "p3", "p4", "p5")) {
                plan.unserved(p, "live", UnservedReason.CAPACITY, 0);
            }

            assertThat(violations(s, plan))
                    .containsExactly(
                            violation(
                                    Rule.PARENT_NOT_SERVED,
                                    "p2",
                                    "live",
                                    "\"p2\" sends substream 0 of \"live\" but does not receive it (it has no parent and is not a source)"));
        }

        @Test
        void sourceReceivingItsOwnChannelIsReported() {
            Snapshot s = tiny().build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "p1>o1")))
                    .containsExactly(violation(
                            Rule.SOURCE_HAS_PARENT,
                            "o1",
                            "live",
                            "source \"o1\" of \"live\" receives substream 0 from \"p1\""));
        }
    }

    @Nested
    class Rates {
        @Test
        void treeEdgeBelowTheSubstreamRateIsReportedOncePerTree() {
            // 1000 kbps in 3 substreams: each needs 334 kbps (rounded up)
            Snapshot s = coded(3, 0).build();
            PlanBuilder plan = plan(s).tree("live", 0, 334, List.of(edge("o1", "p1", 333), edge("o1", "p2", 333)))
                    .tree("live", 1, 334, "o1>p1", "o1>p2")
                    .tree("live", 2, 334, "o1>p1", "o1>p2");

            assertThat(violations(s, plan))
                    .containsExactly(violation(
                            Rule.EDGE_RATE,
                            "p1",
                            "live",
                            "substream 0 of \"live\" needs 334 kbps per edge, edge \"o1\" -> \"p1\" carries 333"));
        }

        @Test
        void meshEdgeBelowTheChannelRateIsReported() {
            Snapshot s = tiny().build();

            assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "p1>p2")))
                    .isEmpty();
            assertThat(violations(s, plan(s).mesh("live", 900, "o1>p1", "p1>p2")))
                    .containsExactly(violation(
                            Rule.EDGE_RATE,
                            "p1",
                            "live",
                            "mesh edge \"o1\" -> \"p1\" of \"live\" carries 900 kbps, needs 1000"));
        }

        @Test
        void clubEdgeBelowTheClubRateIsReported() {
            Snapshot s = tiny().build();
            PlanBuilder plan = plan(s).clubMesh("live", 499, 0, "o1>p1", "p1>p2")
                    .clubMesh("live", 500, 1, "o1>p2", "p2>p1")
                    .club("live", 0, "p1")
                    .club("live", 1, "p2");

            assertThat(violations(s, plan))
                    .containsExactly(violation(
                            Rule.EDGE_RATE,
                            "p1",
                            "live",
                            "mesh edge \"o1\" -> \"p1\" of \"live\" carries 499 kbps, needs 500"));
        }

        @Test
        void uplinkIsSharedByEveryChannelAndMayBeUsedUpExactly() {
            Snapshot s = SnapshotBuilder.create("caps")
                    .region("r1")
                    .channel("live", 1000, 1, "o1")
                    .channel("radio", 500, 1, "o1")
                    .origin("o1", "r1", 1400)
                    .peer("p1", "r1", 1500, "live", "radio")
                    .peer("p2", "r1", 0, "live", "radio")
                    .build();
            PlanBuilder plan = plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2").tree("radio", 0, 500, "o1>p1", "p1>p2");

            assertThat(violations(s, plan))
                    .containsExactly(
                            violation(Rule.UPLINK, "o1", null, "\"o1\" sends 1500 kbps, its uplink is 1400 kbps"));
        }

        @Test
        void downlinkCountsEveryEdgeIntoTheNode() {
            Snapshot s = coded(2, 1)
                    .peer("p3", "r1", 0, b -> b.downlinkKbps(1200).wants("live"))
                    .build();
            PlanBuilder twoSubstreams = plan(s).tree("live", 0, 500, "o1>p1", "o1>p2", "o1>p3")
                    .tree("live", 1, 500, "o1>p1", "o1>p2", "o1>p3");

            assertThat(violations(s, twoSubstreams)).isEmpty();
            assertThat(violations(s, twoSubstreams.tree("live", 2, 500, "o1>p3")))
                    .containsExactly(violation(
                            Rule.DOWNLINK, "p3", null, "\"p3\" receives 1500 kbps, its downlink is 1200 kbps"));
        }
    }

    @Nested
    class Links {
        /** de and fr joined by de-fr: 3000 kbps each way, 1500 of it used from outside. */
        private Snapshot twoCountries() {
            // p1, p2 in fr; o1, p3, p4 in dt under de
            return SnapshotBuilder.create("links")
                    .region("eu")
                    .country("de", "eu", "DE")
                    .country("fr", "eu", "FR")
                    .region("dt", "de")
                    .link(new Link(
                            "de-fr",
                            "de",
                            "fr",
                            LinkKind.PEERING,
                            OptionalLong.of(3000),
                            10.0,
                            1500,
                            OptionalDouble.empty()))
                    .channel("live", 1000, 1, "o1")
                    .origin("o1", "dt", 5000)
                    .peer("p1", "fr", 3000, "live")
                    .peer("p2", "fr", 1000, "live")
                    .peer("p3", "dt", 1000, "live")
                    .peer("p4", "dt", 1000, "live")
                    .build();
        }

        @Test
        void linkOverCapacityIsReported() {
            Snapshot s = twoCountries();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2", "o1>p3", "o1>p4")))
                    .isEmpty();
            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>p3", "o1>p4")))
                    .containsExactly(
                            violation(
                                    Rule.LINK_CAPACITY,
                                    null,
                                    null,
                                    "link \"de-fr\" de->fr carries 2000 kbps of plan traffic + 1500 kbps outside load, capacity 3000 kbps"));
        }

        @Test
        void eachDirectionHasItsOwnCapacity() {
            Snapshot s = twoCountries();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2", "p1>p3", "p1>p4")))
                    .containsExactly(
                            violation(
                                    Rule.LINK_CAPACITY,
                                    null,
                                    null,
                                    "link \"de-fr\" fr->de carries 2000 kbps of plan traffic + 1500 kbps outside load, capacity 3000 kbps"));
        }

        @Test
        void outsideLoadAloneIsNotThePlansViolation() {
            Snapshot s = SnapshotBuilder.create("busy")
                    .region("a")
                    .region("b")
                    .link(new Link(
                            "a-b",
                            "a",
                            "b",
                            LinkKind.TRANSIT,
                            OptionalLong.of(1000),
                            10.0,
                            2000,
                            OptionalDouble.empty()))
                    .channel("live", 1000, 1, "o1")
                    .origin("o1", "a", 5000)
                    .peer("p1", "a", 1000, "live")
                    .build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1"))).isEmpty();
        }

        @Test
        void everyLinkOnTheRouteIsLoaded() {
            // a - b - c in a line; c1 sits under c and uses c's links
            Snapshot s = SnapshotBuilder.create("line")
                    .region("a")
                    .region("b")
                    .region("c")
                    .region("c1", "c")
                    .link("a-b", "a", "b", 5)
                    .link("b-c", "b", "c", 5, 1500)
                    .channel("live", 1000, 1, "o1")
                    .origin("o1", "a", 5000)
                    .peer("p1", "c1", 1000, "live")
                    .peer("p2", "c1", 1000, "live")
                    .build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2")))
                    .isEmpty();
            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2")))
                    .containsExactly(
                            violation(
                                    Rule.LINK_CAPACITY,
                                    null,
                                    null,
                                    "link \"b-c\" b->c carries 2000 kbps of plan traffic + 0 kbps outside load, capacity 1500 kbps"));
        }
    }

    @Nested
    class Lightweight {
        @Test
        void noRelayNodeWithAChildIsReported() {
            Snapshot s = tiny().lightweight("p3", "r1", 1000, List.of(Limit.NO_RELAY), "live")
                    .build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>p3")))
                    .isEmpty();
            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p3", "p3>p2")))
                    .containsExactly(violation(
                            Rule.NO_RELAY, "p3", "live", "lightweight node \"p3\" with no-relay sends to \"p2\""));
        }

        @ParameterizedTest
        @EnumSource(
                value = Initiator.class,
                names = {"PARENT", "BOTH"})
        void noInboundChildMustOpenTheConnectionItself(Initiator initiator) {
            Snapshot s = tiny().lightweight("p3", "r1", 0, List.of(Limit.NO_INBOUND), "live")
                    .build();
            String name = initiator.name().toLowerCase(Locale.ROOT);

            assertThat(violations(
                            s,
                            plan(s).tree(
                                            "live",
                                            0,
                                            1000,
                                            List.of(
                                                    edge("o1", "p1", initiator),
                                                    edge("o1", "p2", initiator),
                                                    edge("o1", "p3", Initiator.CHILD)))))
                    .isEmpty();
            assertThat(violations(
                            s,
                            plan(s).tree(
                                            "live",
                                            0,
                                            1000,
                                            List.of(
                                                    edge("o1", "p1", initiator),
                                                    edge("o1", "p2", initiator),
                                                    edge("o1", "p3", initiator)))))
                    .containsExactly(violation(
                            Rule.NO_INBOUND,
                            "p3",
                            "live",
                            "no-inbound node \"p3\" must initiate edge \"o1\" -> \"p3\" itself, initiator is " + name));
        }

        @Test
        void noInboundParentMustOpenTheConnectionItself() {
            Snapshot s = tiny().lightweight("p3", "r1", 1000, List.of(Limit.NO_INBOUND), "live")
                    .build();

            assertThat(violations(
                            s,
                            plan(s).tree(
                                            "live",
                                            0,
                                            1000,
                                            List.of(
                                                    edge("o1", "p1", Initiator.BOTH),
                                                    edge("o1", "p3", Initiator.CHILD),
                                                    edge("p3", "p2", Initiator.PARENT)))))
                    .isEmpty();
            assertThat(violations(
                            s,
                            plan(s).tree(
                                            "live",
                                            0,
                                            1000,
                                            List.of(
                                                    edge("o1", "p1", Initiator.BOTH),
                                                    edge("o1", "p3", Initiator.CHILD),
                                                    edge("p3", "p2", Initiator.CHILD)))))
                    .containsExactly(violation(
                            Rule.NO_INBOUND,
                            "p3",
                            "live",
                            "no-inbound node \"p3\" must initiate edge \"p3\" -> \"p2\" itself, initiator is child"));
        }

        @Test
        void twoLightweightNodesAreNeverPairedInTreesOrMeshes() {
            Snapshot s = tiny().lightweight("l1", "r1", 1000, List.of(), "live")
                    .lightweight("l2", "r1", 1000, List.of(), "live")
                    .build();
            Violation paired = violation(
                    Rule.LIGHTWEIGHT_PAIR, "l2", "live", "two lightweight nodes are paired: \"l1\" -> \"l2\"");

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>l1", "p1>l2")))
                    .isEmpty();
            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>l1", "l1>l2")))
                    .containsExactly(paired);
            assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "o1>p2", "o1>l1", "l1>l2")))
                    .containsExactly(paired);
        }

        @Test
        void accessListAllowsOnlyListedNodesAndRoles() {
            Snapshot s = SnapshotBuilder.create("acl")
                    .region("r1")
                    .channel("live", 1000, 1, "o1")
                    .origin("o1", "r1", 5000)
                    .cdn("c1", "r1", 5000, "live")
                    .peer("p1", "r1", 1000, b -> b.lightweight(Limit.ACCESS_LIST)
                            .accessList("role:cdn")
                            .wants("live"))
                    .peer("p2", "r1", 1000, b -> b.lightweight(Limit.ACCESS_LIST)
                            .accessList("o1")
                            .wants("live"))
                    .build();

            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>c1", "c1>p1", "o1>p2")))
                    .isEmpty();
            assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>c1", "o1>p1", "c1>p2")))
                    .containsExactly(
                            violation(
                                    Rule.ACCESS_LIST,
                                    "p1",
                                    "live",
                                    "\"p1\" may receive only from [role:cdn], not from \"o1\""),
                            violation(
                                    Rule.ACCESS_LIST,
                                    "p2",
                                    "live",
                                    "\"p2\" may receive only from [o1], not from \"c1\""));
        }
    }

    @Nested
    class Depth {
        private Snapshot oneHop(int substreams) {
            return SnapshotBuilder.create("shallow")
                    .region("r1")
                    .channel(new Channel(
                            "live",
                            ChannelKind.LIVE,
                            ContentClass.VIDEO,
                            1000,
                            substreams,
                            0,
                            List.of("o1"),
                            OptionalInt.of(1)))
                    .origin("o1", "r1", 5000)
                    .peer("p1", "r1", 1000, "live")
                    .peer("p2", "r1", 1000, "live")
                    .build();
        }

        @Test
        void nodeDeeperThanMaxDepthIsReportedOnceForAllSubstreams() {
            Snapshot s = oneHop(2);

            assertThat(violations(
                            s, plan(s).tree("live", 0, 500, "o1>p1", "o1>p2").tree("live", 1, 500, "o1>p1", "o1>p2")))
                    .isEmpty();
            assertThat(violations(
                            s, plan(s).tree("live", 0, 500, "o1>p1", "p1>p2").tree("live", 1, 500, "o1>p1", "p1>p2")))
                    .containsExactly(violation(
                            Rule.MAX_DEPTH, "p2", "live", "\"p2\" is 2 hops from a source of \"live\", maxDepth is 1"));
        }

        @Test
        void maxDepthHoldsOverMeshesToo() {
            Snapshot s = oneHop(1);

            assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "o1>p2", "p1>p2")))
                    .isEmpty();
            assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "p1>p2")))
                    .containsExactly(violation(
                            Rule.MAX_DEPTH,
                            "p2",
                            "live",
                            "\"p2\" is 2 hops from a source of \"live\" over a mesh, maxDepth is 1"));
        }

        @Test
        void maxDepthHoldsForEveryClub() {
            Snapshot s = oneHop(1);
            PlanBuilder plan = plan(s).clubMesh("live", 500, 0, "o1>p1", "p1>p2")
                    .clubMesh("live", 500, 1, "o1>p1", "o1>p2")
                    .club("live", 0, "p1")
                    .club("live", 1, "p2");

            assertThat(violations(s, plan))
                    .containsExactly(violation(
                            Rule.MAX_DEPTH,
                            "p2",
                            "live",
                            "\"p2\" is 2 hops from a source of \"live\" over a mesh, maxDepth is 1"));
        }
    }

    @Nested
    class Accounting {
        @Test
        void kOfTheKPlusNSubstreamsServe() {
            Snapshot s = coded(2, 1).build();

            assertThat(violations(
                            s,
                            plan(s).tree("live", 0, 500, "o1>p1")
                                    .tree("live", 1, 500, "o1>p1", "o1>p2")
                                    .tree("live", 2, 500, "o1>p2")))
                    .isEmpty();
        }

        @Test
        void wantedNodeNeitherServedNorListedIsReported() {
            Snapshot s = coded(2, 0).build();

            assertThat(violations(
                            s, plan(s).tree("live", 0, 500, "o1>p1", "o1>p2").tree("live", 1, 500, "o1>p1")))
                    .containsExactly(
                            violation(
                                    Rule.NOT_ACCOUNTED,
                                    "p2",
                                    "live",
                                    "\"p2\" wants \"live\" but is neither served (receives 1 of 2 substreams) nor listed unserved"));
        }

        @Test
        void meshServesWhatReachesItFromASourceThroughAnyNode() {
            Snapshot s = tiny().node(
                            Node.builder("w1", "r1", 2000).role(Role.WAYPOINT).build())
                    .build();

            assertThat(violations(s, plan(s).mesh("live", 1000, "o1>w1", "w1>p1", "w1>p2", "p1>p2", "p2>p1")))
                    .isEmpty();
            assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "p2>p1")))
                    .containsExactly(
                            violation(
                                    Rule.NOT_ACCOUNTED,
                                    "p2",
                                    "live",
                                    "\"p2\" wants \"live\" but is neither served (receives 0 of 1 substreams) nor listed unserved"));
        }

        @Test
        void clubMeshServesOnlyNodesThatGetEveryClub() {
            Snapshot s = tiny().build();
            PlanBuilder everyClub = plan(s).club("live", 0, "p1")
                    .club("live", 1, "p2")
                    .clubMesh("live", 500, 0, "o1>p1", "p1>p2")
                    .clubMesh("live", 500, 1, "o1>p2", "p2>p1");
            PlanBuilder p1MissesClub1 = plan(s).club("live", 0, "p1")
                    .club("live", 1, "p2")
                    .clubMesh("live", 500, 0, "o1>p1", "p1>p2")
                    .clubMesh("live", 500, 1, "o1>p2");

            assertThat(violations(s, everyClub)).isEmpty();
            assertThat(violations(s, p1MissesClub1))
                    .containsExactly(
                            violation(
                                    Rule.NOT_ACCOUNTED,
                                    "p1",
                                    "live",
                                    "\"p1\" wants \"live\" but is neither served (receives 0 of 1 substreams) nor listed unserved"));
        }

        @Test
        void servedNodeListedUnservedIsReported() {
            Snapshot s = tiny().build();

            assertThat(violations(
                            s,
                            plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2")
                                    .unserved("p2", "live", UnservedReason.CAPACITY, 0)))
                    .containsExactly(violation(
                            Rule.UNSERVED_BUT_SERVED,
                            "p2",
                            "live",
                            "\"p2\" is listed unserved (capacity) for \"live\" but is served"));
        }

        @ParameterizedTest(name = "gets {0}, listed {1} with {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "1 | CAPACITY | 1 | \"p2\" is listed capacity with 1 substreams of \"live\" but receives 1"
                            + " (partial reception is reported as degraded)",
                    "1 | DEGRADED | 2 | \"p2\" is listed degraded with 2 substreams of \"live\" but receives 1"
                            + " (partial reception is reported as degraded)",
                    "0 | DEGRADED | 0 | \"p2\" is listed degraded with 0 substreams of \"live\" but receives 0",
                    "0 | CAPACITY | 1 | \"p2\" is listed capacity with 1 substreams of \"live\" but receives 0",
                })
        void unservedEntryMustMatchWhatTheNodeGets(int gets, UnservedReason reason, int listed, String message) {
            Snapshot s = coded(3, 0).build();
            PlanBuilder plan = plan(s).unserved("p2", "live", reason, listed);
            for (int sub = 0; sub < 3; sub++) {
                plan.tree("live", sub, 334, sub < gets ? new String[] {"o1>p1", "o1>p2"} : new String[] {"o1>p1"});
            }

            assertThat(violations(s, plan)).containsExactly(violation(Rule.UNSERVED_MISMATCH, "p2", "live", message));
        }

        @ParameterizedTest(name = "gets {0}, listed {1} with {0}")
        @CsvSource({"0, CAPACITY", "0, POLICY", "1, DEGRADED", "2, DEGRADED"})
        void unservedEntryMatchingWhatTheNodeGetsIsFine(int gets, UnservedReason reason) {
            Snapshot s = coded(3, 0).build();
            PlanBuilder plan = plan(s).unserved("p2", "live", reason, gets);
            for (int sub = 0; sub < 3; sub++) {
                plan.tree("live", sub, 334, sub < gets ? new String[] {"o1>p1", "o1>p2"} : new String[] {"o1>p1"});
            }

            assertThat(violations(s, plan)).isEmpty();
        }

        @Test
        void unservedEntryForANodeThatDoesNotWantTheChannelOrIsItsSourceIsReported() {
            // p1 holds a full copy of "live" (a source) and lists it among its wants; p3 wants nothing
            Snapshot s = SnapshotBuilder.create("sources")
                    .region("r1")
                    .channel("live", 1000, 1, "o1", "p1")
                    .origin("o1", "r1", 5000)
                    .peer("p1", "r1", 1000, "live")
                    .peer("p2", "r1", 1000, "live")
                    .peer("p3", "r1", 1000)
                    .build();

            assertThat(violations(
                            s,
                            plan(s).tree("live", 0, 1000, "p1>p2")
                                    .unserved("p3", "live", UnservedReason.CAPACITY, 0)
                                    .unserved("p1", "live", UnservedReason.CAPACITY, 0)))
                    .containsExactly(
                            violation(
                                    Rule.UNSERVED_NOT_WANTED,
                                    "p3",
                                    "live",
                                    "\"p3\" is listed unserved for \"live\" but does not want it"),
                            violation(
                                    Rule.UNSERVED_NOT_WANTED,
                                    "p1",
                                    "live",
                                    "\"p1\" is listed unserved for \"live\" but is its source"));
        }
    }
}
