package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.PlanBuilder.edge;
import static dev.canopy.policies.verify.VerifierCases.coded;
import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.tiny;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's rates rules, each on a small snapshot built in code. */
class PlanVerifierRatesTest {
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

        assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "p1>p2"))).isEmpty();
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
                .containsExactly(violation(Rule.UPLINK, "o1", null, "\"o1\" sends 1500 kbps, its uplink is 1400 kbps"));
    }

    @Test
    void downlinkCountsEveryEdgeIntoTheNode() {
        Snapshot s = coded(2, 1)
                .peer("p3", "r1", 0, b -> b.downlinkKbps(1200).wants("live"))
                .build();
        PlanBuilder twoSubstreams =
                plan(s).tree("live", 0, 500, "o1>p1", "o1>p2", "o1>p3").tree("live", 1, 500, "o1>p1", "o1>p2", "o1>p3");

        assertThat(violations(s, twoSubstreams)).isEmpty();
        assertThat(violations(s, twoSubstreams.tree("live", 2, 500, "o1>p3")))
                .containsExactly(
                        violation(Rule.DOWNLINK, "p3", null, "\"p3\" receives 1500 kbps, its downlink is 1200 kbps"));
    }
}
