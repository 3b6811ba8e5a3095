package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotLimitTest {
    private static long slotLimit(Snapshot snapshot, Set<String> excused, long ceiling) {
        return SlotLimit.kbps(SnapshotIndex.of(snapshot), 0, excused, ceiling);
    }

    /** Physical limit of a one-channel snapshot as the verifier reports it (any plan will do). */
    private static double physicalLimit(Snapshot snapshot) {
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Verification v = PlanVerifier.verify(problem.routing(), new GreedyStrategy().plan(problem));
        assertThat(v.violations()).isEmpty();
        return v.metrics().channels().get("live").physicalLimitKbps();
    }

    @Test
    void wholeSubstreamCopiesStopBelowThePhysicalLimit() {
        // (1000 + 4 x 300) / 4 = 550 kbps, but at k = 2 a 300 kbps peer sends one 250 kbps copy at
        // most above 300 kbps: at 500 kbps, 4 + 4 x 1 = 8 copies for 8 edges; at 501, 3 + 4 x 1 = 7.
        Snapshot s = SnapshotBuilder.create("slots")
                .region("isp")
                .channel("live", 500, 2, "origin")
                .origin("origin", "isp", 1000)
                .peer("a", "isp", 300, "live")
                .peer("b", "isp", 300, "live")
                .peer("c", "isp", 300, "live")
                .peer("d", "isp", 300, "live")
                .build();

        assertThat(physicalLimit(s)).isEqualTo(550);
        assertThat(slotLimit(s, Set.of(), 550)).isEqualTo(500);
    }

    @Test
    void lightweightRelaysCannotFeedLightweightReceivers() {
        // Limit min(400, (400 + 1000) / 2) = 400, but both receivers are lightweight and only the
        // origin is regular: it must send 2 copies, so r <= 200.
        Snapshot s = SnapshotBuilder.create("light")
                .region("isp")
                .channel("live", 100, 1, "origin")
                .origin("origin", "isp", 400)
                .lightweight("relay", "isp", 1000, List.of(Limit.NO_INBOUND), "live")
                .lightweight("leaf", "isp", 0, List.of(Limit.NO_RELAY), "live")
                .build();

        assertThat(physicalLimit(s)).isEqualTo(400);
        assertThat(slotLimit(s, Set.of(), 400)).isEqualTo(200);
    }

    @Test
    void receiversThatListOnlyServersNeedServerSlots() {
        // Two receivers admit only the origin (300 kbps): r <= 150, though a 1000 kbps peer relays.
        Snapshot s = SnapshotBuilder.create("listed")
                .region("isp")
                .channel("live", 100, 1, "origin")
                .origin("origin", "isp", 300)
                .peer("big", "isp", 1000, "live")
                .peer("p", "isp", 0, "live")
                .peer("al1", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:origin")
                        .wants("live"))
                .peer("al2", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:origin")
                        .wants("live"))
                .build();

        assertThat(physicalLimit(s)).isEqualTo(300);
        assertThat(slotLimit(s, Set.of(), 300)).isEqualTo(150);
    }

    @Test
    void aStatedDownlinkCapsTheRate() {
        // 900 kbps of downlink takes 2 copies of at most 450 kbps.
        Snapshot s = SnapshotBuilder.create("down")
                .region("isp")
                .channel("live", 100, 2, "origin")
                .origin("origin", "isp", 10_000)
                .peer("a", "isp", 0, n -> n.downlinkKbps(900).wants("live"))
                .build();

        assertThat(slotLimit(s, Set.of(), 10_000)).isEqualTo(900);
    }

    @Test
    void excusedReceiversNeedNoSlotsAndTheCeilingCaps() {
        Snapshot s = RateBisectionTest.star(600);

        // 4 receivers x 2 edges: q <= 1250, r <= 2500; with "locked" too, 10 edges: r <= 2000.
        assertThat(slotLimit(s, Set.of("locked"), 5000)).isEqualTo(2500);
        assertThat(slotLimit(s, Set.of(), 5000)).isEqualTo(2000);
        assertThat(slotLimit(s, Set.of("locked"), 1800)).isEqualTo(1800);
    }

    @Test
    void atTheSlotLimitAStrategyCanServeEveryoneAndAboveItNoneCan() {
        Snapshot s = SnapshotBuilder.create("tight")
                .region("isp")
                .channel("live", 500, 2, "origin")
                .origin("origin", "isp", 1000)
                .peer("a", "isp", 300, "live")
                .peer("b", "isp", 300, "live")
                .peer("c", "isp", 300, "live")
                .peer("d", "isp", 300, "live")
                .build();
        long bound = slotLimit(s, Set.of(), 550);

        for (long rate : new long[] {bound, bound + 1}) {
            PlanningProblem problem = PlanningProblem.of(SnapshotVariants.withRate(s, rate));
            var plan = new MultiTreeStrategy().plan(problem);
            Verification v = PlanVerifier.verify(problem.routing(), plan);
            assertThat(v.violations()).isEmpty();
            assertThat(plan.unserved().isEmpty()).isEqualTo(rate == bound);
        }
    }
}
