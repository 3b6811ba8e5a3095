package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedundancyRuleTest {
    @Test
    void regionParityOverridesTheChannelsCappedAtIt() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: no-parity-sp1
                    kind: redundancy
                    regions: [sp1]
                    parity: 0
                  - id: more-parity-sp2
                    kind: redundancy
                    regions: [sp2]
                    parity: 3
                """);

        assertThat(c.policies.parity(c.node("p1"), c.channel("live"))).hasValue(0);
        assertThat(c.policies.parity(c.node("p2"), c.channel("live")))
                .as("capped at n = 1")
                .hasValue(1);
        assertThat(CompiledPolicies.NONE.parity(0, 0)).isEmpty();
    }
}
