package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCapRuleTest {
    private static final String CAP =
            """
              - id: sp2-soccer-20mbps
                kind: link-cap
                link: sp1-sp2
                direction: a-to-b
                channels: { class: video }
                maxKbps: 5000
            """;

    @Test
    void capCountsPlanTrafficPlusOutsideLoadInTheCappedDirection() {
        Compiled c = Compiled.of(Worlds.twoIsps().build(), CAP);
        Compiled.Ledger ledger = c.ledger();

        // 4000 kbps outside load: 1000 fits, 1001 more does not
        assertThat(ledger.exceeds("o1", "p2", "live", 0, 1000)).isEmpty();
        assertThat(ledger.exceeds("o1", "p2", "live", 0, 1001)).isEqualTo("sp2-soccer-20mbps");
        ledger.reserve("o1", "p2", "live", 0, 500);
        assertThat(ledger.exceeds("p1", "p3", "live", 1, 500)).isEmpty();
        assertThat(ledger.exceeds("p1", "p3", "live", 1, 501)).isEqualTo("sp2-soccer-20mbps");
        ledger.release("o1", "p2", "live", 0, 500);
        assertThat(ledger.exceeds("p1", "p3", "live", 1, 1000)).isEmpty();
    }

    @Test
    void otherDirectionOtherClassAndTrafficInsideARegionAreNotCapped() {
        Compiled c = Compiled.of(Worlds.twoIsps().build(), CAP);
        Compiled.Ledger ledger = c.ledger();

        assertThat(ledger.exceeds("p2", "p1", "live", 0, 40_000)).isEmpty();
        assertThat(ledger.exceeds("o1", "p2", "radio", 0, 40_000)).isEmpty();
        assertThat(ledger.exceeds("o1", "p1", "live", 0, 40_000)).isEmpty();
    }

    @Test
    void bothDirectionsAreCappedSeparatelyByDefault() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: cap
                    kind: link-cap
                    link: sp1-sp2
                    maxKbps: 6000
                """);
        Compiled.Ledger ledger = c.ledger().reserve("o1", "p2", "live", 0, 2000);

        assertThat(ledger.exceeds("p1", "p3", "live", 1, 1)).isEqualTo("cap");
        assertThat(ledger.exceeds("p2", "p1", "live", 1, 2000)).isEmpty();
        assertThat(ledger.exceeds("p2", "p1", "live", 1, 2001)).isEqualTo("cap");
    }

    @Test
    void softCapCostsItsWeightPerMbpsOverAndRefusesNothing() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: cap
                    kind: link-cap
                    link: sp1-sp2
                    enforce: soft
                    weight: 2
                    maxKbps: 5000
                """);
        Compiled.Ledger ledger = c.ledger();

        assertThat(ledger.exceeds("o1", "p2", "live", 0, 9000)).isEmpty();
        assertThat(ledger.softCost("o1", "p2", "live", 0, 1000)).isZero();
        assertThat(ledger.softCost("o1", "p2", "live", 0, 3000)).isEqualTo(4.0);
    }
}
