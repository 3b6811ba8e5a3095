package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeWindowRuleTest {
    @Test
    void selectedNodesSendOnlyWithinHours() {
        // takenAt 20:00 UTC is 15:00 in the US (New York)
        Compiled open = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: office-hours
                    kind: serve-window
                    nodes: { ids: [p2] }
                    hours: 09:00-17:00
                """);
        Compiled closed = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: nights
                    kind: serve-window
                    nodes: { ids: [p2] }
                    hours: 22:00-06:00
                """);

        assertThat(open.forbids("p2", "p3", "live")).isEmpty();
        assertThat(closed.forbids("p2", "p3", "live")).isEqualTo("nights");
        assertThat(closed.forbids("p3", "p2", "live")).as("it still receives").isEmpty();
    }

    @Test
    void uplinkShareIsACapOverAllChannels() {
        Compiled c = Compiled.of(
                Worlds.twoIsps().build(),
                """
                  - id: half
                    kind: serve-window
                    nodes: { ids: [p2] }
                    maxUplinkShare: 0.5
                """);
        Compiled.Ledger ledger = c.ledger().reserve("p2", "p3", "live", 0, 500);

        assertThat(ledger.exceeds("p2", "p3", "radio", 0, 500)).isEmpty();
        assertThat(ledger.exceeds("p2", "p3", "radio", 0, 501)).isEqualTo("half");
        assertThat(ledger.exceeds("p1", "p3", "radio", 0, 2000)).isEmpty();
    }
}
