package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSendsTest {
    @Test
    void splitsServerCopiesIntoServerReceiversAndRegionEntries() {
        Snapshot snapshot = SnapshotBuilder.create("s")
                .region("isp")
                .channel("live", 1000, 2, "o")
                .origin("o", "isp", 50_000)
                .cdn("cdn", "isp", 40_000, "live")
                .peer("a", "isp", 2_000, "live")
                .peer("b", "isp", 2_000, "live")
                .peer("c", "isp", 2_000, "live")
                .peer("servers-only", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("o", "role:cdn")
                        .wants("live"))
                .build();
        // Tree 0: o > cdn (server receiver), o > a (entry: a relays), a > b, o > c (leaf),
        // cdn > servers-only (the floor); tree 1: o > cdn, cdn > b (entry), b > a, b > c,
        // o > servers-only.
        Plan plan = HandPlans.trees(
                snapshot,
                List.of(
                        List.of("o>cdn", "o>a", "a>b", "o>c", "cdn>servers-only"),
                        List.of("o>cdn", "cdn>b", "b>a", "b>c", "o>servers-only")));
        assertThat(PlanVerifier.verify(snapshot, plan).violations()).isEmpty();
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        long demand = 5 * 1000; // 5 receivers x 1000 kbps

        ServerSends.Parts parts = ServerSends.of(index, plan, demand);

        // Copies of 500 kbps: 2 to the CDN, 2 to entries (a in tree 0, b in tree 1).
        assertThat(parts.toServers()).isCloseTo(1000.0 / demand, within(1e-12));
        assertThat(parts.toEntries()).isCloseTo(1000.0 / demand, within(1e-12));
    }
}
