package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.event.Events;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A dual-ingress domain that loses one of its two copies in local repair gets a forced full
 * re-plan at the session's next batch (the policy fixture's corp: one copy over corp-a from the
 * origin, the other over corp-b through b1).
 */
class ReplanIngressWatchTest {
    private final Snapshot snapshot = Documents.readSnapshot(Fixtures.path("policies/dual-ingress/snapshot.json"));
    private final PolicyDocument policies = Documents.readPolicies(Fixtures.path("policies/dual-ingress/policy.yaml"))
            .value();
    /** Seconds after the snapshot, well within the five minutes between periodic re-plans. */
    private final Instant t0 = snapshot.takenAt().orElseThrow().plusSeconds(10);

    private ReplanSession start() {
        return ReplanSession.start(
                PlanningProblem.of(snapshot, policies, PlanOptions.defaults()), ReplanOptions.defaults());
    }

    @Test
    void aDomainThatLosesACopyIsReplannedAtTheNextBatch() {
        ReplanSession session = start();
        assertThat(feeds(session.plan(), "b1")).as("b1 brings the second copy").isTrue();
        assertVerifies(session, "start");

        ReplanOutcome failed = session.apply(new Events.Fail(t0, "b1"));
        assertThat(failed.recomputed()).isEqualTo(ReplanOutcome.Recompute.NONE);

        ReplanOutcome next = session.apply(new Events.Tick(t0.plusSeconds(1)));
        assertThat(next.recomputed()).isEqualTo(ReplanOutcome.Recompute.ADOPTED);
        assertVerifies(session, "the next batch");
        ReplanOutcome after = session.apply(new Events.Tick(t0.plusSeconds(2)));
        assertThat(after.recomputed())
                .as("settled domains are not re-planned again")
                .isEqualTo(ReplanOutcome.Recompute.NONE);
    }

    @Test
    void noLossNoForcedReplan() {
        ReplanSession session = start();
        ReplanOutcome tick = session.apply(new Events.Tick(t0));
        assertThat(tick.recomputed()).isEqualTo(ReplanOutcome.Recompute.NONE);
        ReplanOutcome again = session.apply(new Events.Tick(t0.plusSeconds(1)));
        assertThat(again.recomputed()).isEqualTo(ReplanOutcome.Recompute.NONE);
        assertVerifies(session, "two ticks");
    }

    private static boolean feeds(Plan plan, String node) {
        return plan.overlays().stream()
                .map(Overlay::edges)
                .flatMap(java.util.List::stream)
                .anyMatch(e -> e.parent().equals(node));
    }

    private void assertVerifies(ReplanSession session, Object after) {
        assertThat(PlanVerifier.verify(session.snapshot(), session.plan(), policies)
                        .violations())
                .as("after %s", after)
                .isEmpty();
    }
}
