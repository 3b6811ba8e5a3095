package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.plan.UnservedReason;
import org.junit.jupiter.api.Test;

class DenyRuleTest {
    @Test
    void selectedNodesNeverReceiveTheSelectedChannels() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: age-rating
                    kind: deny
                    channels: { class: video }
                    nodes: { regions: [sp2] }
                    reason: age rating
                """);

        assertThat(c.barred("p2", "live")).isEqualTo("age-rating");
        assertThat(c.barred("p3", "live")).isEqualTo("age-rating");
        assertThat(c.barred("p2", "radio")).isEmpty();
        assertThat(c.barred("p1", "live")).isEmpty();
        assertThat(c.forbids("o1", "p2", "live")).isEqualTo("age-rating");
        assertThat(CompiledPolicies.reasonFor(c.policies.policy("age-rating").orElseThrow()))
                .isEqualTo(UnservedReason.DENY);
    }
}
