package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.compile.CompiledPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedundancyEnforcementTest {
    /** k = 2, n = 1 at 500 kbps a substream; o1 has five slots: p2 needs three, p1 two. */
    private static Snapshot network(long originKbps) {
        return SnapshotBuilder.create("redundancy")
                .region("r1")
                .region("r2")
                .codedChannel("live", 1000, 2, 1, "o1")
                .origin("o1", "r1", originKbps)
                .peer("p1", "r1", 0, "live")
                .peer("p2", "r2", 0, "live")
                .build();
    }

    private static final String R2_PARITY =
            """
              - id: r2-parity
                kind: redundancy
                regions: [r2]
                parity: 1
            """;

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "multi-tree", "coded"})
    void aNodeOfARedundantRegionReceivesKPlusParitySubstreams(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, network(2500), R2_PARITY);

        assertThat(PolicyPlans.parents(plan, "p2", "live")).containsExactly("o1", "o1", "o1");
        assertThat(PolicyPlans.parents(plan, "p1", "live")).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "random", "local", "splitstream"})
    void aNodeThatCannotGetItsParityIsUnservedNamingThePolicyNotServedShort(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, network(1000), R2_PARITY.replace("regions: [r2]", "regions: [r1, r2]"));

        assertThat(plan.unserved()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(UnservedReason.POLICY);
            assertThat(u.policy()).contains("r2-parity");
        });
    }

    @Test
    void theGateAsksKPlusParityOnlyInTheRedundantRegion() {
        Snapshot snapshot = network(2500);
        PlanningProblem problem = PlanningProblem.of(snapshot, PolicyCases.document(R2_PARITY), PlanOptions.defaults());
        PolicyGate gate = PolicyGate.of(problem, new Resources(problem.routing()));
        int p1 = problem.index().nodeIndex("p1").getAsInt();
        int p2 = problem.index().nodeIndex("p2").getAsInt();

        assertThat(gate.substreamsNeeded(p1, 0, 2)).isEqualTo(2);
        assertThat(gate.substreamsNeeded(p2, 0, 2)).isEqualTo(3);
        assertThat(gate.enoughSubstreams(p2, 0, 2, 2)).isFalse();
        assertThat(gate.refusal(p2)).map(p -> p.id()).contains("r2-parity");
        assertThat(gate.enoughSubstreams(p2, 0, 2, 3)).isTrue();
        assertThat(CompiledPolicies.NONE.parity(p2, 0)).isEmpty();
    }
}
