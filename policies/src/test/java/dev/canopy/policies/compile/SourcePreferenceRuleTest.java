package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePreferenceRuleTest {
    @Test
    void preferPeersCostsServerEdges() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: offload
                    kind: source-preference
                    prefer: peers
                """);

        assertThat(c.cost("o1", "p1", "live")).isEqualTo(1.0);
        assertThat(c.cost("p1", "p2", "live")).isZero();
        assertThat(c.forbids("o1", "p1", "live")).isEmpty();
    }

    @Test
    void dataCentreSourcesWhileTheMonthToDateTrafficIsUnderTheQuotaPeersAfter() {
        // sp1-sp2 has carried 900 GB this month
        Compiled under = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: dc-while-quota
                    kind: source-preference
                    prefer: servers
                    quota: { link: sp1-sp2, maxMonthGb: 1000 }
                """);
        Compiled over = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: dc-while-quota
                    kind: source-preference
                    prefer: servers
                    quota: { link: sp1-sp2, maxMonthGb: 800 }
                """);

        assertThat(under.cost("o1", "p2", "live")).isZero();
        assertThat(under.cost("p1", "p2", "live")).isEqualTo(1.0);
        assertThat(over.cost("o1", "p2", "live")).isEqualTo(1.0);
        assertThat(over.cost("p1", "p2", "live")).isZero();
    }
}
