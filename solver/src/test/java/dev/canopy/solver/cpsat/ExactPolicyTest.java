package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyCases;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact under operator policies, on the policy fixtures' tiny snapshots (per-node model): for
 * each hard kind, the plan exact makes without the policy breaks it, and the plan it makes under
 * the policy obeys it (the policy-aware verifier finds nothing) and names the policy where it
 * leaves a node unserved for it.
 */
class ExactPolicyTest {
    private static final Set<UnservedReason> POLICY_REASONS =
            EnumSet.of(UnservedReason.POLICY, UnservedReason.GEO_BAN, UnservedReason.DENY);

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("geo-ban", "policy.yaml", "snapshot.json"),
                Arguments.of("deny", "policy.yaml", "snapshot.json"),
                Arguments.of("pairing", "policy.yaml", "snapshot.json"),
                Arguments.of("affinity", "policy.yaml", "snapshot.json"),
                Arguments.of("serve-window", "policy.yaml", "snapshot.json"),
                Arguments.of("delayed-feed", "policy.yaml", "snapshot.json"),
                Arguments.of("link-cap", "policy.yaml", "snapshot.json"),
                Arguments.of("region-cap", "policy.yaml", "snapshot.json"),
                Arguments.of("single-ingress", "policy.yaml", "snapshot.json"),
                Arguments.of("dual-ingress", "policy.yaml", "snapshot.json"),
                Arguments.of("dual-ingress", "policy.yaml", "single-homed.json"),
                Arguments.of("redundancy", "policy.yaml", "snapshot.json"));
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("kinds")
    void theHardPolicyBindsAndIsObeyed(String kind, String policyFile, String snapshotFile) {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("policies/" + kind + "/" + snapshotFile));
        PolicyDocument policies = Documents.readPolicies(Fixtures.path("policies/" + kind + "/" + policyFile))
                .value();

        Plan without = new ExactStrategy().plan(PlanningProblem.of(snapshot, null, PlanOptions.defaults()));
        assertThat(PlanVerifier.verify(snapshot, without, policies).violations())
                .as("%s: exact's plan without the policy breaks it", kind)
                .isNotEmpty();

        Plan plan = new ExactStrategy().plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()));
        assertThat(PlanVerifier.verify(snapshot, plan, policies).violations())
                .as(kind)
                .isEmpty();
        assertThat(plan.metrics()).containsEntry("exact.model", "node");
        assertThat(plan.unserved())
                .filteredOn(u -> POLICY_REASONS.contains(u.reason()))
                .allSatisfy(u -> assertThat(u.policy()).as(kind).isPresent());
    }

    @Test
    void maxDepthBoundsTheHopsFromTheSource() {
        // the origin feeds two peers; the unconstrained optimum serves the third through one of them
        Snapshot snapshot = SnapshotBuilder.create("depth")
                .region("r")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r", 2000)
                .peer("p1", "r", 2000, "live")
                .peer("p2", "r", 2000, "live")
                .peer("p3", "r", 2000, "live")
                .build();
        PolicyDocument policies = PolicyCases.document(
                """
                  - id: peers-direct
                    kind: max-depth
                    nodes: { roles: [peer] }
                    depth: 1
                """);
        Plan without = new ExactStrategy().plan(PlanningProblem.of(snapshot, null, PlanOptions.defaults()));
        assertThat(without.unserved()).isEmpty();
        assertThat(PlanVerifier.verify(snapshot, without, policies).violations())
                .isNotEmpty();

        Plan plan = new ExactStrategy().plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()));
        assertThat(PlanVerifier.verify(snapshot, plan, policies).violations()).isEmpty();
        assertThat(plan.unserved()).singleElement().satisfies(u -> assertThat(u.policy())
                .contains("peers-direct"));
    }

    @Test
    void barredNodesAreListedWithTheBarsReasonAndPolicy() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("policies/geo-ban/snapshot.json"));
        PolicyDocument policies = Documents.readPolicies(Fixtures.path("policies/geo-ban/policy.yaml"))
                .value();
        Plan plan = new ExactStrategy().plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()));
        assertThat(plan.unserved())
                .filteredOn(u -> u.reason() == UnservedReason.GEO_BAN)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.policy()).isPresent())
                .allSatisfy(u -> assertThat(u.receivedSubstreams()).isZero());
    }

    @Test
    void aPriorityOrderDecidesWhichTierIsServedFirst() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("policies/priority/snapshot.json"));
        PolicyDocument policies = Documents.readPolicies(Fixtures.path("policies/priority/policy.yaml"))
                .value();
        Plan without = new ExactStrategy().plan(PlanningProblem.of(snapshot, null, PlanOptions.defaults()));
        Plan plan = new ExactStrategy().plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()));
        assertThat(PlanVerifier.verify(snapshot, plan, policies).violations()).isEmpty();
        assertThat(unservedNodes(without)).containsExactly("p2");
        assertThat(unservedNodes(plan)).containsExactly("p1");
    }

    @Test
    void aRelaxableDualIngressIsSetAsideWhereTwoCopiesCannotEnter() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("policies/dual-ingress/single-homed.json"));
        PolicyDocument policies = Documents.readPolicies(Fixtures.path("policies/dual-ingress/relaxable.yaml"))
                .value();
        Plan plan = new ExactStrategy().plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()));
        assertThat(PlanVerifier.verify(snapshot, plan, policies).violations()).isEmpty();
        assertThat(plan.relaxed()).isNotEmpty();
    }

    @Test
    void theClassModelFallsBackToGreedyUnderPolicies() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("policies/link-cap/snapshot.json"));
        PolicyDocument policies = Documents.readPolicies(Fixtures.path("policies/link-cap/policy.yaml"))
                .value();
        Plan plan = new ExactStrategy()
                .plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()), ExactStrategy.Model.CLASS);
        assertThat(PlanVerifier.verify(snapshot, plan, policies).violations()).isEmpty();
        assertThat(plan.strategy()).isEqualTo(ExactStrategy.NAME);
        assertThat(plan.metrics()).containsEntry("exact.fallback", "greedy").containsEntry("optimal", false);
    }

    private static List<String> unservedNodes(Plan plan) {
        return plan.unserved().stream().map(Unserved::node).toList();
    }
}
