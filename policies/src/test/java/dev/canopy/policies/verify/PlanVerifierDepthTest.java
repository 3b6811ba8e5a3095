package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The verifier's depth rules, each on a small snapshot built in code. */
class PlanVerifierDepthTest {
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

        assertThat(violations(s, plan(s).tree("live", 0, 500, "o1>p1", "o1>p2").tree("live", 1, 500, "o1>p1", "o1>p2")))
                .isEmpty();
        assertThat(violations(s, plan(s).tree("live", 0, 500, "o1>p1", "p1>p2").tree("live", 1, 500, "o1>p1", "p1>p2")))
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
