package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Device;
import dev.canopy.model.SnapshotBuilder;
import org.junit.jupiter.api.Test;

class PairingFilterTest {
    private static SnapshotBuilder carol() {
        return SnapshotBuilder.create("carol")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 10_000)
                .peer("desktop", "r1", 3000, b -> b.owner("carol")
                        .device(Device.DESKTOP)
                        .wants("live"))
                .peer("phone", "r1", 400, b -> b.owner("carol")
                        .device(Device.PHONE)
                        .wants("live"))
                .peer("other", "r1", 3000, b -> b.owner("dave")
                        .device(Device.DESKTOP)
                        .wants("live"));
    }

    @Test
    void phoneExchangesOnlyWithItsOwnersDesktop() {
        Compiled c = Compiled.of(
                carol().build(),
                """
                  - id: carol-phone
                    kind: pairing
                    nodes: { devices: [phone] }
                    only: same-owner
                """);

        assertThat(c.forbids("desktop", "phone", "live")).isEmpty();
        assertThat(c.forbids("o1", "phone", "live")).isEqualTo("carol-phone");
        assertThat(c.forbids("other", "phone", "live")).isEqualTo("carol-phone");
        assertThat(c.forbids("phone", "other", "live")).as("either direction").isEqualTo("carol-phone");
        assertThat(c.forbids("o1", "other", "live")).as("unselected ends").isEmpty();
    }

    @Test
    void partnersMayBeASelector() {
        Compiled c = Compiled.of(
                carol().build(),
                """
                  - id: phone-desktops
                    kind: pairing
                    nodes: { ids: [phone] }
                    only: { devices: [desktop] }
                """);

        assertThat(c.forbids("other", "phone", "live")).isEmpty();
        assertThat(c.forbids("o1", "phone", "live")).isEqualTo("phone-desktops");
    }

    @Test
    void nodesWithoutTheRelationHaveNoPartner() {
        Compiled c = Compiled.of(
                carol().build(),
                """
                  - id: same-enterprise
                    kind: pairing
                    nodes: { ids: [phone] }
                    only: same-enterprise
                """);

        assertThat(c.forbids("desktop", "phone", "live")).isEqualTo("same-enterprise");
    }
}
