package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.VerifierCases.coded;
import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.tiny;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.UnservedReason;
import org.junit.jupiter.api.Test;

/** The verifier's references rules, each on a small snapshot built in code. */
class PlanVerifierReferencesTest {
    @Test
    void planForAnotherSnapshotIsReported() {
        Snapshot s = tiny().build();

        assertThat(violations(s, plan(s).snapshot("other").tree("live", 0, 1000, "o1>p1", "o1>p2")))
                .containsExactly(
                        violation(Rule.SNAPSHOT_MISMATCH, null, null, "plan is for snapshot \"other\", not \"tiny\""));
    }

    @Test
    void overlayForUnknownChannelIsReported() {
        Snapshot s = tiny().build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2").tree("radio", 0, 128, "o1>p1")))
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
                                Rule.UNKNOWN_CHANNEL, "p1", "radio", "unserved entry names unknown channel \"radio\""),
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
