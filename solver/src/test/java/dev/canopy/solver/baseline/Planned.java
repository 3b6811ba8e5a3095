package dev.canopy.solver.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** A strategy's plan for a snapshot and seed, already checked by the verifier; test helper. */
record Planned(Plan plan, Verification verification) {
    static final PlanOptions OPTIONS =
            PlanOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-21T20:00:01Z"), ZoneOffset.UTC));

    /** Plans with the seed and asserts that the verifier finds nothing wrong. */
    static Planned of(Strategy strategy, Snapshot snapshot, long seed) {
        PlanningProblem problem = PlanningProblem.of(snapshot, null, OPTIONS.withSeed(seed));
        Plan plan = strategy.plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);
        assertThat(verification.violations())
                .as(strategy.name() + " on " + snapshot.id() + ", seed " + seed)
                .isEmpty();
        return new Planned(plan, verification);
    }

    /** The parents of a node over all substreams of all channels, in overlay order. */
    List<String> parentsOf(String node) {
        return edges().filter(e -> e.child().equals(node)).map(Edge::parent).toList();
    }

    /** Every tree edge of the plan. */
    Stream<Edge> edges() {
        return plan.overlays().stream().map(Overlay::edges).flatMap(List::stream);
    }

    double servedFraction() {
        return verification.metrics().servedFraction();
    }

    double crossRegionShare() {
        return verification.metrics().crossRegionShare();
    }
}
