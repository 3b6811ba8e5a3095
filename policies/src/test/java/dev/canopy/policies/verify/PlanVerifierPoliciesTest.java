package dev.canopy.policies.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.PolicyDocument;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanVerifierPoliciesTest {
    private final Snapshot snapshot = VerifierCases.tiny().build();

    private static PolicyDocument policies(String list) {
        try {
            return Mappers.yaml().readValue("format: canopy/policies@1\npolicies:\n" + list, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final PolicyDocument DENY_P2 = policies(
            """
              - id: deny-p2
                kind: deny
                channels: { ids: [live] }
                nodes: { ids: [p2] }
                relaxable: true
            """);

    private List<Violation> violations(PlanBuilder plan, PolicyDocument document) {
        return PlanVerifier.verify(snapshot, plan.build(), document).violations();
    }

    @Test
    void aPolicySetAsideForANodeInTheRelaxedListIsNotBrokenForIt() {
        PlanBuilder plan = VerifierCases.plan(snapshot).tree("live", 0, 1000, "o1>p1", "o1>p2");

        assertThat(violations(plan, DENY_P2)).extracting(Violation::rule).containsExactly(Rule.DENY);
        assertThat(violations(plan.relaxed("p2", "deny-p2"), DENY_P2)).isEmpty();
    }

    @Test
    void onlyRelaxableHardPoliciesMayBeSetAside() {
        PolicyDocument fixed = policies(
                """
                  - id: deny-p2
                    kind: deny
                    channels: { ids: [live] }
                    nodes: { ids: [p2] }
                """);
        PlanBuilder plan = VerifierCases.plan(snapshot)
                .tree("live", 0, 1000, "o1>p1", "o1>p2")
                .relaxed("p2", "deny-p2");

        assertThat(violations(plan, fixed))
                .extracting(Violation::rule)
                .containsExactlyInAnyOrder(Rule.DENY, Rule.POLICY);
    }

    @Test
    void aBarredNodeIsListedWithTheReasonAndPolicyThatBarIt() {
        PlanBuilder wrongReason = VerifierCases.plan(snapshot)
                .tree("live", 0, 1000, "o1>p1")
                .unserved("p2", "live", UnservedReason.CAPACITY, 0);
        PlanBuilder noPolicy = VerifierCases.plan(snapshot)
                .tree("live", 0, 1000, "o1>p1")
                .unserved("p2", "live", UnservedReason.DENY, 0);
        PlanBuilder right = VerifierCases.plan(snapshot)
                .tree("live", 0, 1000, "o1>p1")
                .unserved("p2", "live", UnservedReason.DENY, "deny-p2", 0);

        assertThat(violations(wrongReason, DENY_P2)).extracting(Violation::rule).containsExactly(Rule.DENY);
        assertThat(violations(noPolicy, DENY_P2)).extracting(Violation::rule).containsExactly(Rule.DENY);
        assertThat(violations(right, DENY_P2)).isEmpty();
    }

    @Test
    void anUnservedEntryMayNameOnlyARealPolicy() {
        PlanBuilder plan = VerifierCases.plan(snapshot)
                .tree("live", 0, 1000, "o1>p1")
                .unserved("p2", "live", UnservedReason.POLICY, "no-such-policy", 0);

        assertThat(violations(plan, DENY_P2)).extracting(Violation::rule).containsExactly(Rule.POLICY);
    }

    @Test
    void softPoliciesAndPreferencesAreNeverViolations() {
        PolicyDocument soft = policies(
                """
                  - id: deny-p2
                    kind: deny
                    enforce: soft
                    channels: { ids: [live] }
                    nodes: { ids: [p2] }
                  - id: offload
                    kind: source-preference
                    prefer: peers
                """);
        PlanBuilder plan = VerifierCases.plan(snapshot).tree("live", 0, 1000, "o1>p1", "o1>p2");

        assertThat(violations(plan, soft)).isEmpty();
    }

    @Test
    void preemptionIsOwedOnlyWhereTheHardFiltersLetTheHigherNodeTakeTheLeafsParents() {
        Snapshot tiers = VerifierCases.tiny()
                .peer("p3", "r1", 0, b -> b.wants("live").tier(dev.canopy.model.Tier.PREMIUM))
                .build();
        String priority =
                """
                  - id: premium-first
                    kind: priority
                    order: [premium, standard, free]
                    preempt: true
                """;
        PolicyDocument pairing = policies(
                priority
                        + """
                  - id: p3-only-p1
                    kind: pairing
                    nodes: { ids: [p3] }
                    only: { ids: [p1] }
                """);
        PlanBuilder plan = VerifierCases.plan(tiers)
                .tree("live", 0, 1000, "o1>p1", "o1>p2")
                .unserved("p3", "live", UnservedReason.CAPACITY, 0);

        assertThat(PlanVerifier.verify(tiers, plan.build(), policies(priority)).violations())
                .extracting(Violation::rule)
                .containsExactly(Rule.PRIORITY);
        assertThat(PlanVerifier.verify(tiers, plan.build(), pairing).violations())
                .isEmpty();
    }
}
