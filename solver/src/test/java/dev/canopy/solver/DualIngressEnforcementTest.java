package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DualIngressEnforcementTest {
    /** corp is multi-homed to isp-a (the origin's) and isp-b (b1's); e1, e2 sit behind its firewall. */
    private static Snapshot network() {
        return SnapshotBuilder.create("dual-ingress")
                .region("isp-a")
                .region("isp-b")
                .region("corp")
                .link("corp-a", "corp", "isp-a", 10)
                .link("corp-b", "corp", "isp-b", 10)
                .link("a-b", "isp-a", "isp-b", 10)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "isp-a", 10000)
                .peer("b1", "isp-b", 2000, "live")
                .peer("e1", "corp", 2000, b -> b.wants("live").enterprise("corp"))
                .peer("e2", "corp", 2000, b -> b.wants("live").enterprise("corp"))
                .build();
    }

    private static final String TWO_STREAMS =
            """
              - id: corp-two-streams
                kind: dual-ingress
                enterprise: corp
                distinctLinks: true
            """;

    /** The verifier {@link PolicyPlans#plan} runs checks that two copies enter over different links. */
    @ParameterizedTest
    @ValueSource(strings = {"greedy", "multi-tree", "coded", "random", "local", "splitstream"})
    void twoCopiesEnterTheDomainOverDifferentUpstreamLinks(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, network(), TWO_STREAMS);

        assertThat(plan.unserved()).isEmpty();
        assertThat(PolicyPlans.parents(plan, "e1", "live"))
                .doesNotContainAnyElementsOf(PolicyPlans.parents(plan, "e2", "live"));
    }

    @Test
    void theGateLooksOutsideTheDomainFirstWhileACopyIsPending() {
        PlanningProblem problem =
                PlanningProblem.of(network(), PolicyCases.document(TWO_STREAMS), PlanOptions.defaults());
        PolicyGate gate = PolicyGate.of(problem, new Resources(problem.routing()));
        var index = problem.index();
        int o1 = index.nodeIndex("o1").getAsInt();
        int b1 = index.nodeIndex("b1").getAsInt();
        int e1 = index.nodeIndex("e1").getAsInt();
        int e2 = index.nodeIndex("e2").getAsInt();
        gate.reserve(o1, b1, 0, 0, 1000);
        gate.reserve(o1, e1, 0, 0, 1000);
        int[] candidates = {e1, o1, b1};
        java.util.function.IntSupplier firstThatFits = () -> {
            for (int p : candidates) {
                if (gate.fits(p, e2, 0, 0, 1000)) {
                    return p;
                }
            }
            return -1;
        };

        assertThat(gate.entryPending(e2, 0, 0)).isTrue();
        assertThat(firstThatFits.getAsInt()).isEqualTo(e1);
        assertThat(gate.preferEntering(e2, 0, 0, firstThatFits)).isEqualTo(b1);

        gate.reserve(b1, e2, 0, 0, 1000);
        assertThat(gate.entryPending(e2, 0, 0)).isFalse();
    }
}
