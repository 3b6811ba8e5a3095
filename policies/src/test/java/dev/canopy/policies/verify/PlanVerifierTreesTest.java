package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.VerifierCases.coded;
import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.tiny;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.UnservedReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's trees rules, each on a small snapshot built in code. */
class PlanVerifierTreesTest {
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

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2").tree("live", 0, 1000, "p1>p2")))
                .containsExactly(violation(
                        Rule.TWO_PARENTS,
                        "p2",
                        "live",
                        "\"p2\" has two parents for substream 0 of \"live\": \"o1\" and \"p1\""));
    }

    @Test
    void oneParentPerSubstreamIsFine() {
        Snapshot s = coded(2, 0).build();

        assertThat(violations(s, plan(s).tree("live", 0, 500, "o1>p1", "o1>p2").tree("live", 1, 500, "o1>p1", "p1>p2")))
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
