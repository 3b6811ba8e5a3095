package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.VerifierCases.coded;
import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.tiny;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.UnservedReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verifier's accounting rules, each on a small snapshot built in code. */
class PlanVerifierAccountingTest {
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

        assertThat(violations(s, plan(s).tree("live", 0, 500, "o1>p1", "o1>p2").tree("live", 1, 500, "o1>p1")))
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
