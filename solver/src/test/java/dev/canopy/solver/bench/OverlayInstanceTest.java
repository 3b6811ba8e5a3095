package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.real.DataDirectory;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Rule;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import org.junit.jupiter.api.Test;

class OverlayInstanceTest {

    @Test
    void theDeployedOverlayReachesEveryPeerAndKeepsFewSessionsInsideAnIsp() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory::missingMessage);
        OverlayInstance instance = new OverlayInstance(
                new OverlayInstance.Source(DataDirectory.locate().get()), 1);
        Snapshot snapshot = instance.build();

        Plan deployed = instance.referencePlan(PlanningProblem.of(snapshot)).orElseThrow();
        Verification verification = PlanVerifier.verify(snapshot, deployed);

        assertThat(deployed.overlays()).singleElement().satisfies(o -> assertThat(o.kind())
                .isEqualTo(OverlayKind.MESH));
        assertThat(verification.metrics().servedFraction()).isEqualTo(1.0);
        // The data set keeps 8.4 % of its sessions inside an ISP; CDN edges add cross-ISP rate.
        assertThat(verification.metrics().crossRegionShare()).isGreaterThan(0.8);
        // Only rates and capacities: the measured sessions of one peer were not all at the same
        // time, and a session's throughput may exceed the stream's rate.
        assertThat(verification.violations())
                .extracting(v -> v.rule())
                .containsOnly(Rule.UPLINK, Rule.DOWNLINK, Rule.EDGE_RATE);
    }
}
