package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngressShortfallTest {
    /**
     * corp (e1, e2) hangs off isp-a by one upstream link, and off isp-c (c1, then d1 below it),
     * which is reached through corp only; e1 is the nearest holder for c1. With {@code c1Uplink}
     * 0 no second copy can enter corp over another link.
     */
    private static Snapshot singleHomed(long originUplink, long c1Uplink) {
        return SnapshotBuilder.create("single-homed")
                .region("isp-a")
                .region("isp-b")
                .region("corp")
                .region("isp-c")
                .link("corp-a", "corp", "isp-a", 10)
                .link("a-b", "isp-a", "isp-b", 10)
                .link("corp-c", "corp", "isp-c", 5)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "isp-a", originUplink)
                .peer("b1", "isp-b", 2000, "live")
                .peer("e1", "corp", 3000, b -> b.wants("live").enterprise("corp"))
                .peer("e2", "corp", 2000, b -> b.wants("live").enterprise("corp"))
                .peer("c1", "isp-c", c1Uplink, "live")
                .peer("d1", "isp-c", 0, "live")
                .build();
    }

    private static String twoStreams(boolean relaxable) {
        return """
                  - id: corp-two-streams
                    kind: dual-ingress
                    enterprise: corp
                    distinctLinks: true
                    relaxable: %s
                """
                .formatted(relaxable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "multi-tree", "coded", "random", "local", "splitstream"})
    void aHardRuleThatCannotBeMetLeavesTheDomainUnservedNamingIt(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, singleHomed(10000, 0), twoStreams(false));

        for (String member : new String[] {"e1", "e2"}) {
            assertThat(PolicyPlans.parents(plan, member, "live")).isEmpty();
            assertThat(PolicyPlans.unserved(plan, member, "live")).hasValueSatisfying(u -> {
                assertThat(u.reason()).isEqualTo(UnservedReason.POLICY);
                assertThat(u.policy()).contains("corp-two-streams");
            });
        }
        assertThat(PolicyPlans.unserved(plan, "c1", "live")).isEmpty();
        assertThat(PolicyPlans.unserved(plan, "d1", "live")).isEmpty();
        assertThat(PolicyPlans.parents(plan, "c1", "live")).doesNotContain("e1", "e2");
        assertThat(plan.relaxed()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "multi-tree", "coded", "random", "local", "splitstream"})
    void aRelaxableRuleThatCannotBeMetIsSetAsideForTheMembers(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, singleHomed(10000, 0), twoStreams(true));

        assertThat(plan.unserved()).isEmpty();
        assertThat(plan.relaxed())
                .extracting(r -> r.node() + " " + r.policy() + " " + r.channel().orElse("*"))
                .containsExactlyInAnyOrder("e1 corp-two-streams live", "e2 corp-two-streams live");
    }

    /** A plan built by hand: o1 -> e1 -> {e2, c1}, c1 -> d1; o1 has room for one more edge. */
    private static PlanAssembler handPlan(PolicyGate gate, SnapshotIndex index) {
        PlanAssembler plan = new PlanAssembler(index);
        String[][] edges = {{"o1", "b1"}, {"o1", "e1"}, {"e1", "e2"}, {"e1", "c1"}, {"c1", "d1"}};
        for (String[] e : edges) {
            int parent = index.nodeIndex(e[0]).getAsInt();
            int child = index.nodeIndex(e[1]).getAsInt();
            assertThat(gate.allows(parent, child, 0, 0, 1000))
                    .as("%s -> %s", e[0], e[1])
                    .isTrue();
            gate.reserve(parent, child, 0, 0, 1000);
            plan.edge(0, 0, parent, child, Initiator.BOTH);
        }
        return plan;
    }

    private static Plan settle(Snapshot snapshot, String policies) {
        PolicyDocument document = PolicyCases.document(policies);
        PlanningProblem problem = PlanningProblem.of(snapshot, document, PlanOptions.defaults());
        PolicyGate gate = PolicyGate.of(problem, new Resources(problem.routing()));
        PlanAssembler plan = handPlan(gate, problem.index());
        assertThat(PlanVerifier.verify(snapshot, plan.build("hand", PlanOptions.defaults()), document)
                        .violations())
                .as("before the pass")
                .isNotEmpty();

        assertThat(IngressShortfall.settle(gate, plan)).isEqualTo(1);
        plan.relaxed(gate.relaxations().entries());
        Plan settled = plan.build("hand", PlanOptions.defaults());
        assertThat(PlanVerifier.verify(snapshot, settled, document).violations())
                .isEmpty();
        return settled;
    }

    @Test
    void anOrphanMovesWithItsSubtreeToAHolderOutsideTheDomain() {
        Plan plan = settle(singleHomed(2000, 1000), twoStreams(false));

        assertThat(PolicyPlans.parents(plan, "c1", "live")).containsExactly("o1");
        assertThat(PolicyPlans.parents(plan, "d1", "live")).containsExactly("c1");
        assertThat(PolicyPlans.unserved(plan, "e2", "live")).isPresent();
    }

    @Test
    void anOrphanNoHolderMayFeedIsListedNamingWhatRefusedItAndItsChildMoves() {
        Plan plan = settle(
                singleHomed(2000, 1000),
                twoStreams(false)
                        + """
                          - id: c1-from-corp
                            kind: pairing
                            nodes: { ids: [c1] }
                            only: { ids: [e1, e2, d1] }
                        """);

        assertThat(PolicyPlans.unserved(plan, "c1", "live")).hasValueSatisfying(u -> {
            assertThat(u.reason()).isEqualTo(UnservedReason.POLICY);
            assertThat(u.policy()).contains("c1-from-corp");
        });
        assertThat(PolicyPlans.parents(plan, "d1", "live")).containsExactly("o1");
    }

    /** The same with isp-b 1 ms from isp-c, so that b1 (one hop deep) is c1's nearest holder outside corp. */
    private static Snapshot bNearC() {
        Snapshot base = singleHomed(2000, 1000);
        return SnapshotBuilder.create("single-homed-b-near-c")
                .region("isp-a")
                .region("isp-b")
                .region("corp")
                .region("isp-c")
                .link("corp-a", "corp", "isp-a", 10)
                .link("a-b", "isp-a", "isp-b", 10)
                .link("corp-c", "corp", "isp-c", 5)
                .link("b-c", "isp-b", "isp-c", 1)
                .channel(base.channels().get(0))
                .node(base.nodes().get(0))
                .node(base.nodes().get(1))
                .node(base.nodes().get(2))
                .node(base.nodes().get(3))
                .node(base.nodes().get(4))
                .node(base.nodes().get(5))
                .build();
    }

    @Test
    void theMaxDepthOfTheSubtreeBoundsWhereAnOrphanMayGo() {
        assertThat(PolicyPlans.parents(settle(bNearC(), twoStreams(false)), "c1", "live"))
                .containsExactly("b1");

        // d1 may be at most 2 hops deep: c1 may hang off o1 (d1 at 2), not off b1 (d1 at 3)
        Plan plan = settle(
                bNearC(),
                twoStreams(false)
                        + """
                          - id: d1-shallow
                            kind: max-depth
                            nodes: { ids: [d1] }
                            depth: 2
                        """);

        assertThat(PolicyPlans.parents(plan, "c1", "live")).containsExactly("o1");
        assertThat(PolicyPlans.parents(plan, "d1", "live")).containsExactly("c1");
    }

    @Test
    void aClosedDomainLetsNoCopyInAfterwards() {
        PolicyDocument document = PolicyCases.document(twoStreams(false));
        PlanningProblem problem = PlanningProblem.of(singleHomed(3000, 1000), document, PlanOptions.defaults());
        PolicyGate gate = PolicyGate.of(problem, new Resources(problem.routing()));
        PlanAssembler plan = handPlan(gate, problem.index());
        int o1 = problem.index().nodeIndex("o1").getAsInt();
        int e2 = problem.index().nodeIndex("e2").getAsInt();

        IngressShortfall.settle(gate, plan);

        assertThat(gate.resources().fits(o1, e2, 1000)).isTrue();
        assertThat(gate.fits(o1, e2, 0, 0, 1000)).isFalse();
        assertThat(gate.refusal(e2).map(p -> p.id())).contains("corp-two-streams");
    }
}
