package dev.canopy.solver.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.cpsat.ExactStrategy;
import dev.canopy.solver.greedy.GreedyStrategy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LocalityLowerBoundTest {
    /** Origin in one ISP, peers with room to relay in another ISP of the same country. */
    private static Snapshot twoIsps(int peers) {
        SnapshotBuilder b = SnapshotBuilder.create("two-isps")
                .region("world")
                .country("de", "world", "DE")
                .region("isp-a", "de")
                .region("isp-b", "de")
                .link("la", "isp-a", "de", 2)
                .link("lb", "isp-b", "de", 3)
                .channel("live", 600, 2, "origin")
                .origin("origin", "isp-a", 6000);
        for (int p = 0; p < peers; p++) {
            b.peer("p" + p, "isp-b", 900, "live");
        }
        return b.build();
    }

    @Test
    void equalsTheOptimumWhenOnlyTheImportsCross() {
        PlanningProblem problem = PlanningProblem.of(twoIsps(6));
        Plan exact = new ExactStrategy().plan(problem);
        assertThat(PlanVerifier.verify(problem.routing(), exact).violations()).isEmpty();
        assertThat(exact.unserved()).isEmpty();
        assertThat(exact.metrics()).containsEntry("optimal", true);

        LocalityBound bound = LocalityLowerBound.compute(problem);

        // Each of the 2 substreams (300 kbps) enters isp-b once, at weight 1.
        assertThat(bound.cost()).isEqualTo(2 * 300 * Locality.CROSS_REGION);
        assertThat(bound.cost()).isEqualTo(Locality.planCost(problem.index(), exact));
        assertThat(bound.classes()).isEqualTo(2);
    }

    @Test
    void countsWhatServerOnlyReceiversMustTakeFromTheirServers() {
        // The origin sits in France; a peer in isp-b (Germany) may receive only from the origin,
        // so its 2 substreams of 300 kbps cross a country (weight 4) whatever the plan.
        Snapshot snapshot = SnapshotBuilder.create("server-only")
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("isp-b", "de")
                .region("isp-f", "fr")
                .link("lb", "isp-b", "de", 3)
                .link("lf", "isp-f", "fr", 3)
                .link("de-fr", "de", "fr", 10)
                .channel("live", 600, 2, "origin")
                .origin("origin", "isp-f", 6000)
                .peer("p1", "isp-b", 900, "live")
                .peer("p2", "isp-b", 0, n -> n.lightweight(Limit.NO_INBOUND, Limit.ACCESS_LIST)
                        .accessList("role:origin")
                        .wants("live"))
                .build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan exact = new ExactStrategy().plan(problem);
        assertThat(PlanVerifier.verify(problem.routing(), exact).violations()).isEmpty();
        assertThat(exact.unserved()).isEmpty();

        LocalityBound bound = LocalityLowerBound.compute(problem);

        // At least p2's own 2 x 300 kbps across countries; without the server-only term the bound
        // could let both peers share one import pair.
        assertThat(bound.cost()).isGreaterThanOrEqualTo(2 * 300 * Locality.CROSS_COUNTRY);
        assertThat(bound.cost()).isLessThanOrEqualTo(Locality.planCost(problem.index(), exact));
    }

    @Test
    void isZeroWhenEverythingIsInOneRegion() {
        Snapshot snapshot = SnapshotBuilder.create("one-isp")
                .region("isp")
                .channel("live", 600, 2, "origin")
                .origin("origin", "isp", 6000)
                .peer("p1", "isp", 900, "live")
                .peer("p2", "isp", 0, "live")
                .build();
        assertThat(LocalityLowerBound.compute(PlanningProblem.of(snapshot)).cost())
                .isZero();
    }

    @Test
    void staysBelowGreedyOnOneHundredThousandPeers() {
        PlanningProblem problem = PlanningProblem.of(NetworkGenerator.generate(GeneratorOptions.defaults(100_000)));
        Plan greedy = new GreedyStrategy().plan(problem);

        LocalityBound bound = LocalityLowerBound.compute(problem);

        assertThat(bound.cost()).isPositive();
        assertThat(bound.classes()).isGreaterThan(10);
        if (greedy.unserved().isEmpty()) {
            assertThat(bound.cost()).isLessThanOrEqualTo(Locality.planCost(problem.index(), greedy));
        }
    }

    @Test
    @Tag("slow")
    void computesOnAMillionPeers() {
        PlanningProblem problem = PlanningProblem.of(NetworkGenerator.generate(GeneratorOptions.defaults(1_000_000)));
        LocalityBound bound = LocalityLowerBound.compute(problem);
        System.out.printf(
                "locality bound at 10^6 peers: %d over %d classes in %s%n",
                bound.cost(), bound.classes(), bound.time());
        assertThat(bound.cost()).isPositive();
    }
}
