package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCapRuleTest {
    private static Compiled capped(String flow) {
        return Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: sp2-video
                    kind: region-cap
                    region: sp2
                    flow: %s
                    channels: { class: video }
                    maxKbps: 1500
                """
                        .formatted(flow));
    }

    @Test
    void ingressCountsEdgesFromOutsideIntoTheRegion() {
        Compiled.Ledger ledger = capped("ingress").ledger().reserve("o1", "p2", "live", 0, 1000);

        assertThat(ledger.exceeds("p1", "p3", "live", 1, 600)).isEqualTo("sp2-video");
        assertThat(ledger.exceeds("p1", "p3", "live", 1, 500)).isEmpty();
        assertThat(ledger.exceeds("p2", "p3", "live", 1, 5000)).as("inside").isEmpty();
        assertThat(ledger.exceeds("p2", "p1", "live", 1, 5000)).as("egress").isEmpty();
        assertThat(ledger.exceeds("p1", "p3", "radio", 0, 5000)).as("audio").isEmpty();
    }

    @Test
    void egressAndInternalCountTheirOwnFlows() {
        Compiled.Ledger egress = capped("egress").ledger();
        assertThat(egress.exceeds("p2", "p1", "live", 0, 1501)).isEqualTo("sp2-video");
        assertThat(egress.exceeds("o1", "p2", "live", 0, 1501)).isEmpty();

        Compiled.Ledger internal = capped("internal").ledger();
        assertThat(internal.exceeds("p2", "p3", "live", 0, 1501)).isEqualTo("sp2-video");
        assertThat(internal.exceeds("o1", "p2", "live", 0, 1501)).isEmpty();
    }

    @Test
    void aRegionCapsEverythingUnderIt() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: us-internal
                    kind: region-cap
                    region: us
                    flow: internal
                    maxKbps: 1000
                """);

        assertThat(c.ledger().exceeds("o1", "p2", "live", 0, 1001)).isEqualTo("us-internal");
    }
}
