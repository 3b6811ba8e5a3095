package dev.canopy.solver.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Snapshot;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.real.AsGraphOptions;
import dev.canopy.model.real.AsGraphSnapshots;
import dev.canopy.model.real.AsScope;
import dev.canopy.model.real.DataDirectory;
import dev.canopy.model.validate.Rules;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Greedy on the CAIDA AS graph; skipped when the real data is absent. */
class AsGraphPlanTest {
    @Test
    void greedyPlansPeersOnTheProviderClosureWithoutBreakingARule() {
        Verification verification = planAndVerify(AsGraphOptions.defaults().withPeers(1000, 100));

        assertThat(verification.violations()).isEmpty();
        assertThat(verification.metrics().channels().get("ch1").receivers()).isEqualTo(1000 + 4);
        assertThat(verification.metrics().servedFraction()).isGreaterThan(0.99);
    }

    @Test
    @Tag("slow")
    void greedyPlansTheDefaultInstanceWithoutBreakingARule() {
        Verification verification = planAndVerify(AsGraphOptions.defaults());

        assertThat(verification.violations()).isEmpty();
        assertThat(verification.metrics().servedFraction()).isGreaterThan(0.99);
    }

    @Test
    @Tag("slow")
    void theFullGraphIsValidAndGreedyPlansPeersOnItWithoutBreakingARule() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        AsGraphOptions options = AsGraphOptions.defaults().withPeers(1000, 100).withScope(AsScope.FULL);
        Snapshot full = AsGraphSnapshots.build(DataDirectory.locate().orElseThrow(), options);
        assertThat(full.regions()).hasSize(77_237 + 1);
        assertThat(full.links()).hasSize(496_677);
        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, full)).isEmpty();

        Verification verification = planAndVerify(options);

        assertThat(verification.violations()).isEmpty();
        assertThat(verification.metrics().servedFraction()).isGreaterThan(0.99);
    }

    private static Verification planAndVerify(AsGraphOptions options) {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        Path data = DataDirectory.locate().orElseThrow();
        Snapshot snapshot = AsGraphSnapshots.build(data, options);
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan plan = new GreedyStrategy().plan(problem);
        return PlanVerifier.verify(problem.routing(), plan);
    }
}
