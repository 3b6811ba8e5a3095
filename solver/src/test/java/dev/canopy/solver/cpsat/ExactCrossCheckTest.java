package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class model against the per-node model, which states every rule directly and is proved
 * optimal on these tiny networks. On every seed: both plans pass the verifier; the class
 * model's bounds, its LP bound among them ({@link LpBound}), are bounds of the per-node optimum
 * (it is a relaxation); and whenever the class
 * plan says {@code optimal}, it has exactly the per-node optimum's served weight and locality
 * cost. Seeds are spread over families: lightweight peers (some with access lists), two
 * channels, parity, capped links that cannot bind.
 */
class ExactCrossCheckTest {
    private static final PlanOptions OPTIONS =
            PlanOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-21T20:00:01Z"), ZoneOffset.UTC));
    static final int SEEDS = 60;
    static final long ONLY = Long.getLong("seed", 0);
    static int certified;

    static LongStream seeds() {
        return ONLY > 0 ? LongStream.of(ONLY) : LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void classBoundsHoldAndItsOptimaAreThePerNodeOptima(long seed) {
        Snapshot snapshot = TinyInstances.family(seed);
        PlanningProblem problem = PlanningProblem.of(snapshot, null, OPTIONS);
        ExactStrategy exact = new ExactStrategy();

        Plan byNode = exact.plan(problem, ExactStrategy.Model.NODE);
        Plan byClass = exact.plan(problem, ExactStrategy.Model.CLASS);

        assertThat(PlanVerifier.verify(problem.routing(), byNode).violations()).isEmpty();
        assertThat(PlanVerifier.verify(problem.routing(), byClass).violations()).isEmpty();
        assertThat(byNode.metrics()).containsEntry("optimal", true);
        long nodeServed = (Long) byNode.metrics().get("exact.servedObjective");
        long nodeCost = Locality.planCost(problem.index(), byNode);
        long classServedBound = (Long) byClass.metrics().get("exact.servedBound");
        assertThat(classServedBound).as("served bound").isGreaterThanOrEqualTo(nodeServed);
        if (classServedBound == nodeServed && "OPTIMAL".equals(byClass.metrics().get("exact.servedStatus"))) {
            assertThat((Long) byClass.metrics().get("exact.costBound"))
                    .as("cost bound")
                    .isLessThanOrEqualTo(nodeCost);
            for (String bound : List.of("exact.lpBound", "exact.connectivityBound")) {
                if (byClass.metrics().containsKey(bound)) {
                    assertThat((Long) byClass.metrics().get(bound)).as(bound).isLessThanOrEqualTo(nodeCost);
                }
            }
        }
        if (Boolean.TRUE.equals(byClass.metrics().get("optimal"))) {
            certified++;
            assertThat(byClass.metrics().get("exact.servedObjective")).isEqualTo(nodeServed);
            assertThat(Locality.planCost(problem.index(), byClass)).isEqualTo(nodeCost);
            assertThat(byClass.unserved()).hasSameSizeAs(byNode.unserved());
        }
        System.out.printf(
                "cross-check seed %d: node served %d cost %d; class %s served %s bound %s cost %d bound %s%n",
                seed,
                nodeServed,
                nodeCost,
                byClass.metrics().get("optimal"),
                byClass.metrics().get("exact.planServed"),
                classServedBound,
                Locality.planCost(problem.index(), byClass),
                byClass.metrics().get("exact.costBound") + " " + byClass.metrics());
    }
}
