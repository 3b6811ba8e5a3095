package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.tiny;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Each verifier rule on a 3 to 6 node snapshot built in code: the plan that breaks it yields
 * exactly the expected violation (rule, node, channel and message), and the nearest plan that
 * keeps it yields none.
 */
class PlanVerifierTest {
    @Test
    void aPlanServingEveryoneOverOneTreeIsClean() {
        Snapshot s = tiny().build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2")))
                .isEmpty();
    }
}
