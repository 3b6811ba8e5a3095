package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact on the small fixtures (the fast part of the contract) and its limits. */
class ExactFixturesTest {
    private static final PlanOptions OPTIONS =
            PlanOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-21T20:00:01Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(
            strings = {"lightweight-clients", "capacity-shortage", "enterprise-firewall", "geo-regions", "coded-channel"
            })
    void fixturePlansAreValidProvedOptimalAndRepeatable(String name) {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("snapshots/" + name + ".json"));
        PlanningProblem problem = PlanningProblem.of(snapshot, null, OPTIONS);

        Plan plan = new ExactStrategy().plan(problem);

        assertThat(PlanVerifier.verify(problem.routing(), plan).violations()).isEmpty();
        assertThat(plan.metrics()).containsEntry("exact.model", "node");
        assertThat(plan.strategy()).isEqualTo("exact");
        assertThat(new ExactStrategy().plan(problem)).isEqualTo(plan);
    }

    @Test
    void aProvedOptimumIsRecordedAsSuch() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("snapshots/lightweight-clients.json"));
        Plan plan = new ExactStrategy().plan(PlanningProblem.of(snapshot, null, OPTIONS));
        assertThat(plan.metrics())
                .containsEntry("optimal", true)
                .containsEntry("gap", 0.0)
                .containsEntry("exact.servedStatus", "OPTIMAL")
                .containsEntry("exact.costStatus", "OPTIMAL");
    }

    @Test
    void isRegisteredAfterGreedy() {
        assertThat(Strategies.names()).containsSubsequence("greedy", "exact");
        assertThat(Strategies.byName("exact")).containsInstanceOf(ExactStrategy.class);
    }

    @Test
    void refusesProblemsAboveItsLimitNamingIt() {
        Snapshot big = NetworkGenerator.generate(GeneratorOptions.defaults(ExactStrategy.MAX_RECEIVERS + 10));
        assertThatThrownBy(() -> new ExactStrategy().plan(PlanningProblem.of(big)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(ExactStrategy.MAX_RECEIVERS));
    }
}
