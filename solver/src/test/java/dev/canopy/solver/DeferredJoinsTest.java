package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Device;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeferredJoinsTest {
    /** carol's phone p1 joins first (node order), before her desktop p2 holds the stream. */
    private static Snapshot phoneAndDesktop() {
        return SnapshotBuilder.create("deferred")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 3000)
                .peer("p1", "r1", 2000, b -> b.wants("live").owner("carol").device(Device.PHONE))
                .peer("p2", "r1", 2000, b -> b.wants("live").owner("carol").device(Device.DESKTOP))
                .peer("p3", "r1", 2000, b -> b.wants("live").owner("dave").device(Device.DESKTOP))
                .build();
    }

    private static final String PHONE_PAIRING =
            """
              - id: carol-phone
                kind: pairing
                nodes: { ids: [p1] }
                only: same-owner
            """;

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "random", "local", "multi-tree", "splitstream"})
    void aPhoneRefusedEveryParentIsServedByItsOwnersDesktopOnceItHasJoined(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, phoneAndDesktop(), PHONE_PAIRING);

        assertThat(PolicyPlans.parents(plan, "p1", "live")).containsExactly("p2");
        assertThat(plan.unserved()).isEmpty();
    }

    @Test
    void nothingIsPutOffWithoutPolicies() {
        PlanningProblem problem = PlanningProblem.of(phoneAndDesktop());
        PolicyGate gate = PolicyGate.unrestricted(problem.index(), new Resources(problem.routing()));

        DeferredJoins deferred = new DeferredJoins(gate);

        assertThat(deferred.defer(1)).isFalse();
        assertThat(deferred.waiting()).isZero();
    }

    @Test
    void onlyRefusalsThatLaterJoinsMayClearArePutOff() {
        var policies = PolicyCases.document(
                        PHONE_PAIRING
                                + """
                          - id: no-de
                            kind: geo-ban
                            channels: { ids: [live] }
                            countries: [DE]
                          - id: cap
                            kind: link-cap
                            link: x1
                            maxKbps: 0
                        """)
                .policies();
        Policy pairing = policies.get(0);

        assertThat(DeferredJoins.mayClearLater(pairing)).isTrue();
        assertThat(DeferredJoins.mayClearLater(policies.get(1))).isFalse();
        assertThat(DeferredJoins.mayClearLater(policies.get(2))).isFalse();
    }
}
