package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxDepthRuleTest {
    @Test
    void theSmallestBoundOfTheSelectingPoliciesHolds() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: shallow-sp2
                    kind: max-depth
                    nodes: { regions: [sp2] }
                    channels: { ids: [live] }
                    depth: 3
                  - id: p3-direct
                    kind: max-depth
                    nodes: { ids: [p3] }
                    depth: 1
                """);

        assertThat(c.policies.maxDepth(c.node("p2"), c.channel("live"))).hasValue(3);
        assertThat(c.policies.maxDepth(c.node("p3"), c.channel("live"))).hasValue(1);
        assertThat(c.policies.maxDepth(c.node("p3"), c.channel("radio"))).hasValue(1);
        assertThat(c.policies.maxDepth(c.node("p1"), c.channel("live"))).isEmpty();
    }
}
