package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canopy.model.Limit;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import org.junit.jupiter.api.Test;

class PlanFiguresTest {
    @Test
    void strandedIsServerRateBeyondWhatPeersCouldNotCarry() {
        // demand 10,000, peers could carry 8,000: servers must send 2,000; they sent 3,000.
        assertThat(PlanFigures.stranded(3_000, 10_000, 8_000, 0)).isCloseTo(0.1, within(1e-12));
        assertThat(PlanFigures.stranded(2_000, 10_000, 8_000, 0)).isZero();
        assertThat(PlanFigures.stranded(1_000, 10_000, 8_000, 0)).isZero();
        // Peers could carry it all: every server kbps is stranded.
        assertThat(PlanFigures.stranded(5_000, 10_000, 20_000, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(PlanFigures.stranded(5_000, 0, 0, 0)).isZero();
        // 3,000 of the demand only servers may serve: they had to send 3,000 + (7,000 - 8,000)+.
        assertThat(PlanFigures.stranded(3_000, 10_000, 8_000, 3_000)).isZero();
        assertThat(PlanFigures.stranded(4_000, 10_000, 8_000, 3_000)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void receiversWhoseAccessListsAdmitNoRelayingPeerAreServerOnlyDemand() {
        SnapshotIndex index = SnapshotIndex.of(SnapshotBuilder.create("s")
                .region("isp")
                .channel("live", 1000, 1, "o")
                .origin("o", "isp", 50_000)
                .peer("a", "isp", 1_000, "live")
                .peer("quiet", "isp", 4_000, n -> n.lightweight(Limit.NO_RELAY).wants("live"))
                .peer("servers-only", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("o", "role:cdn")
                        .wants("live"))
                .peer("via-quiet", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("quiet")
                        .wants("live"))
                .peer("via-a", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("a")
                        .wants("live"))
                .peer("via-role", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:peer")
                        .wants("live"))
                .peer("light", "isp", 0, n -> n.lightweight(Limit.NO_INBOUND).wants("live"))
                .build());

        assertThat(PlanFigures.serverOnlyDemandKbps(index))
                .isEqualTo(2_000); // servers-only and via-quiet (two lightweight ends never pair)
    }

    @Test
    void onlyPeersThatMayRelayCountAsPeerUplink() {
        SnapshotIndex index = SnapshotIndex.of(SnapshotBuilder.create("s")
                .region("isp")
                .channel("live", 1000, 1, "o")
                .origin("o", "isp", 50_000)
                .cdn("cdn", "isp", 40_000, "live")
                .peer("a", "isp", 1_000, "live")
                .peer("b", "isp", 2_000, "live")
                .peer("quiet", "isp", 4_000, n -> n.lightweight(Limit.NO_RELAY).wants("live"))
                .build());

        assertThat(PlanFigures.relayingPeerUplinkKbps(index)).isEqualTo(3_000);
    }
}
