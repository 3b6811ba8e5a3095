package dev.canopy.solver.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static final Snapshot GEO = Documents.readSnapshot(Fixtures.path("policies/geo-ban/snapshot.json"));
    private static final PolicyDocument NO_LIVE_DE = Documents.readPolicies(
                    Fixtures.path("policies/geo-ban/policy.yaml"))
            .value();

    /** The plan geo-ban asks for: p1 fed, p2 and p3 (DE) unserved for live, p3 fed news. */
    private static Plan geoBanPlan() {
        Plan plan = new Plan(
                null,
                GEO.id(),
                1,
                Optional.empty(),
                GreedyStrategy.NAME,
                List.of(
                        Overlay.tree("live", 0, 1000, List.of(Edge.of("o1", "p1", Initiator.CHILD))),
                        Overlay.tree("news", 0, 500, List.of(Edge.of("o1", "p3", Initiator.CHILD)))),
                List.of(),
                List.of(
                        new Unserved("p2", "live", UnservedReason.GEO_BAN, Optional.of("no-live-de"), 0),
                        new Unserved("p3", "live", UnservedReason.GEO_BAN, Optional.of("no-live-de"), 0)),
                List.of(),
                Map.of());
        assertThat(PlanVerifier.verify(GEO, plan, NO_LIVE_DE).violations()).isEmpty();
        return plan;
    }

    @Test
    void aGeoBannedNodeNamesThePolicyAndEveryCandidateItRemoves() {
        Explanation e = Explainer.explain(GEO, geoBanPlan(), NO_LIVE_DE, "p2", "live", List.of());
        assertThat(e.served()).isFalse();
        assertThat(e.unserved()).map(Unserved::reason).contains(UnservedReason.GEO_BAN);
        assertThat(e.summary()).isEqualTo("p2 is not served live: geo-ban policy no-live-de bars it");
        assertThat(e.candidates())
                .extracting(Explanation.Candidate::node, Explanation.Candidate::verdict, Explanation.Candidate::policy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "o1", Explanation.Verdict.POLICY, Optional.of("no-live-de")),
                        org.assertj.core.groups.Tuple.tuple(
                                "p1", Explanation.Verdict.POLICY, Optional.of("no-live-de")));
        assertThat(ExplanationText.render(e)).contains("candidate  policy       o1: geo-ban policy no-live-de");
    }

    @Test
    void liftingTheBanServesTheNode() {
        Explanation e = Explainer.explain(GEO, geoBanPlan(), NO_LIVE_DE, "p2", "live", List.of("no-live-de"));
        Explanation.Lift lift = e.lift().orElseThrow();
        assertThat(lift.strategy()).isEqualTo(GreedyStrategy.NAME);
        assertThat(lift.served()).isTrue();
        assertThat(lift.unserved()).isEmpty();
        assertThat(lift.change()).startsWith("p2 becomes served (parents ");
    }

    @Test
    void aFullOriginUplinkIsNamedAsTheResource() {
        Snapshot snapshot = SnapshotBuilder.create("explain-uplink")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 1000)
                .peer("p1", "r1", 0, "live")
                .peer("p2", "r1", 0, "live")
                .build();
        Plan plan = plan(snapshot);
        Unserved left = plan.unserved().get(0);
        Explanation e = Explainer.explain(snapshot, plan, PolicyDocument.EMPTY, left.node(), "live", List.of());
        assertThat(e.summary()).contains("(listed capacity)").endsWith("2 candidate(s) full");
        assertThat(e.candidates())
                .filteredOn(c -> c.node().equals("o1"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.verdict()).isEqualTo(Explanation.Verdict.FULL);
                    assertThat(c.detail()).startsWith("parent uplink full (1000 of 1000 kbps used");
                });
    }

    @Test
    void aFullLinkIsNamedWithItsDirection() {
        Snapshot snapshot = SnapshotBuilder.create("explain-link")
                .region("a")
                .region("b")
                .link("a-b", "a", "b", 10, 1500)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "a", 10000)
                .peer("p1", "b", 0, "live")
                .peer("p2", "b", 0, "live")
                .build();
        Plan plan = plan(snapshot);
        Unserved left = plan.unserved().get(0);
        Explanation e = Explainer.explain(snapshot, plan, PolicyDocument.EMPTY, left.node(), "live", List.of());
        assertThat(e.candidates())
                .filteredOn(c -> c.node().equals("o1"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.verdict()).isEqualTo(Explanation.Verdict.FULL);
                    assertThat(c.detail()).isEqualTo("link a-b a->b full (1000 of 1500 kbps)");
                });
    }

    @Test
    void unknownNamesAreRefused() {
        Plan plan = geoBanPlan();
        assertThatThrownBy(() -> Explainer.explain(GEO, plan, NO_LIVE_DE, "zz", "live", List.of()))
                .hasMessage("unknown node \"zz\" in snapshot " + GEO.id());
        assertThatThrownBy(() -> Explainer.explain(GEO, plan, NO_LIVE_DE, "p1", "radio", List.of()))
                .hasMessageStartingWith("unknown channel \"radio\"");
        assertThatThrownBy(() -> Explainer.explain(GEO, plan, NO_LIVE_DE, "p1", "live", List.of("ghost")))
                .hasMessageStartingWith("unknown policy \"ghost\"");
    }

    private static Plan plan(Snapshot snapshot) {
        Plan plan = new GreedyStrategy().plan(PlanningProblem.of(snapshot));
        assertThat(PlanVerifier.verify(snapshot, plan).violations()).isEmpty();
        assertThat(plan.unserved()).hasSize(1);
        return plan;
    }
}
