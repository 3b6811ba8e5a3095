package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Tier;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreemptionTest {
    /**
     * o1 has one slot; p2 (standard) relays one copy; p1 (premium) may take only from the nodes
     * its pairing names, so it is left out until p3 (standard, a leaf under p2) is displaced.
     */
    private static Snapshot network() {
        return SnapshotBuilder.create("preempt")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 1000)
                .peer("p1", "r1", 0, b -> b.wants("live").tier(Tier.PREMIUM))
                .peer("p2", "r1", 1000, b -> b.wants("live").tier(Tier.STANDARD))
                .peer("p3", "r1", 0, b -> b.wants("live").tier(Tier.STANDARD))
                .build();
    }

    private static String policies(boolean preempt, String partners) {
        return """
                  - id: premium-first
                    kind: priority
                    order: [premium, standard, free]
                    preempt: %s
                  - id: phone-from-peers
                    kind: pairing
                    nodes: { ids: [p1] }
                    only: { ids: [%s] }
                """
                .formatted(preempt, partners);
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "random", "local"})
    void anUnservedPremiumNodeDisplacesAStandardLeafAndTakesItsParent(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, network(), policies(true, "p2, p3"));

        assertThat(PolicyPlans.parents(plan, "p1", "live")).containsExactly("p2");
        assertThat(PolicyPlans.unserved(plan, "p3", "live")).hasValueSatisfying(u -> {
            assertThat(u.reason()).isEqualTo(UnservedReason.POLICY);
            assertThat(u.policy()).contains("premium-first");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "random", "local"})
    void withoutPreemptTheLowerTierKeepsItsParent(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, network(), policies(false, "p2, p3"));

        assertThat(PolicyPlans.parents(plan, "p3", "live")).containsExactly("p2");
        assertThat(PolicyPlans.unserved(plan, "p1", "live")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "random", "local"})
    void aLeafWhoseParentTheHigherNodeMayNotTakeIsLeftAlone(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, network(), policies(true, "p3"));

        assertThat(PolicyPlans.parents(plan, "p3", "live")).containsExactly("p2");
        assertThat(PolicyPlans.unserved(plan, "p1", "live")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi-tree", "coded"})
    void ejectionFollowsThePriorityPolicysTierOrder(String strategy) {
        Snapshot snapshot = SnapshotBuilder.create("eject")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 1000)
                .peer("p1", "r1", 0, b -> b.wants("live").tier(Tier.PREMIUM))
                .peer("p2", "r1", 0, b -> b.wants("live").tier(Tier.STANDARD))
                .build();
        Plan plan = PolicyPlans.plan(
                strategy,
                snapshot,
                """
                  - id: standard-first
                    kind: priority
                    order: [standard, premium, free]
                """);

        assertThat(PolicyPlans.parents(plan, "p2", "live")).containsExactly("o1");
        assertThat(PolicyPlans.unserved(plan, "p1", "live")).isPresent();
    }
}
