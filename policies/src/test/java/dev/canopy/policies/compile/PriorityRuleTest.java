package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Tier;
import org.junit.jupiter.api.Test;

class PriorityRuleTest {
    @Test
    void premiumCustomersAreServedFirstAndMayPreempt() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: premium-first
                    kind: priority
                    order: [premium, free]
                    preempt: true
                """);

        TierPriority priority = c.policies.priority().orElseThrow();
        assertThat(priority.preempt()).isTrue();
        assertThat(priority.rank(Tier.PREMIUM)).isZero();
        assertThat(priority.rank(Tier.FREE)).isEqualTo(1);
        assertThat(priority.rank(Tier.STANDARD)).as("unnamed tiers come after").isGreaterThan(1);
        assertThat(c.forbids("p1", "p2", "live")).isEmpty();
    }

    @Test
    void noPriorityPolicyNoOrder() {
        assertThat(CompiledPolicies.NONE.priority()).isEmpty();
    }
}
