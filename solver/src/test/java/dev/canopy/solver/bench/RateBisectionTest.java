package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateBisectionTest {
    /** Origin of 10,000 kbps, five receivers without uplink: limit min(10000, 10000 / 5) = 2000. */
    static Snapshot star(long rateKbps) {
        return SnapshotBuilder.create("star")
                .region("isp")
                .channel("live", rateKbps, 2, "origin")
                .origin("origin", "isp", 10_000)
                .peer("a", "isp", 0, "live")
                .peer("b", "isp", 0, "live")
                .peer("c", "isp", 0, "live")
                .peer("d", "isp", 0, "live")
                .peer("locked", "isp", 0, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("nobody")
                        .wants("live"))
                .build();
    }

    private static RateBisection.Outcome bisect(Strategy strategy, long nominalRate) {
        PlanningProblem problem = PlanningProblem.of(star(nominalRate));
        Plan plan = strategy.plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);
        assertThat(verification.violations()).isEmpty();
        return RateBisection.measure(strategy, problem, plan, verification);
    }

    @Test
    void findsAKnownThresholdWithinHalfAPercentOfTheLimit() {
        RateBisection.Outcome outcome = bisect(new ThresholdStrategy(1234, UnservedReason.CAPACITY), 600);

        RunResult.Rate rate = outcome.rate();
        assertThat(rate.limitKbps()).isEqualTo(2000);
        assertThat(rate.maxServedKbps()).isBetween(1234.0 - 0.005 * 2000, 1234.0);
        assertThat(rate.efficiency()).isCloseTo(1234.0 / 2000, within(0.005));
        assertThat(rate.excused()).isEqualTo(1);
        assertThat(rate.probes()).isBetween(2, 12);
        assertThat(outcome.violations()).isZero();
    }

    /** Origin of 10,000 kbps, five receivers without uplink, k = 3: limit 2000, slot limit 1998. */
    private static Snapshot tightStar(long rateKbps) {
        SnapshotBuilder b = SnapshotBuilder.create("tight-star").region("isp").channel("live", rateKbps, 3, "origin");
        b.origin("origin", "isp", 10_000);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            b.peer(id, "isp", 0, "live");
        }
        return b.build();
    }

    private static RateBisection.Outcome bisectTight(long thresholdKbps) {
        PlanningProblem problem = PlanningProblem.of(tightStar(600));
        Strategy strategy = new ThresholdStrategy(thresholdKbps, UnservedReason.CAPACITY);
        Plan plan = strategy.plan(problem);
        return RateBisection.measure(strategy, problem, plan, PlanVerifier.verify(problem.routing(), plan));
    }

    @Test
    void reachingTheSlotLimitIsMeasuredExactlyInTwoProbes() {
        // 15 edges of ceil(r / 3) kbps from 10,000 kbps: r <= 1998 (at 1999, 15 x 667 > 10,000).
        RateBisection.Outcome outcome = bisectTight(1998);

        RunResult.Rate rate = outcome.rate();
        assertThat(rate.limitKbps()).isEqualTo(2000);
        assertThat(rate.slotLimitKbps()).isEqualTo(1998);
        assertThat(rate.maxServedKbps()).isEqualTo(1998);
        assertThat(rate.slotEfficiency()).isEqualTo(1.0);
        assertThat(rate.efficiency()).isEqualTo(1998 / 2000.0);
        assertThat(rate.probes()).isEqualTo(2);
        assertThat(outcome.notes()).isEmpty();
    }

    @Test
    void belowTheSlotLimitTheBisectionGoesOnAsBefore() {
        RateBisection.Outcome outcome = bisectTight(1500);

        assertThat(outcome.rate().maxServedKbps()).isBetween(1500.0 - 0.005 * 2000, 1500.0);
        assertThat(outcome.rate().slotEfficiency()).isCloseTo(1500.0 / 1998, within(0.006));
    }

    @Test
    void plansBreakingTheUplinkAboveTheSlotLimitDoNotCount() {
        // The threshold strategy ignores uplinks, so above the slot limit its plans break the
        // uplink rule: they fail, and the result stays at the bound.
        RateBisection.Outcome outcome = bisectTight(1_000_000);

        assertThat(outcome.rate().maxServedKbps()).isEqualTo(1998);
        assertThat(outcome.violations()).isPositive();
        assertThat(outcome.notes()).isEmpty();
    }

    @Test
    void aNominalRateAboveTheThresholdStillFindsIt() {
        RateBisection.Outcome outcome = bisect(new ThresholdStrategy(700, UnservedReason.CAPACITY), 1500);

        assertThat(outcome.rate().maxServedKbps()).isBetween(690.0, 700.0);
    }

    @Test
    void servingEveryoneAtTheLimitIsFullEfficiencyInOneProbe() {
        RateBisection.Outcome outcome = bisect(new ThresholdStrategy(1_000_000, UnservedReason.CAPACITY), 600);

        assertThat(outcome.rate().maxServedKbps()).isEqualTo(2000);
        assertThat(outcome.rate().efficiency()).isEqualTo(1.0);
        assertThat(outcome.rate().probes()).isEqualTo(1);
    }

    @Test
    void callingCapacityFailuresRateIndependentAboveTheThresholdDoesNotHelp() {
        // The excused set is taken from the nominal plan, so relabelling at higher rates fails.
        RateBisection.Outcome outcome = bisect(new ThresholdStrategy(1234, UnservedReason.NO_COMPATIBLE_SOURCE), 600);

        assertThat(outcome.rate().maxServedKbps()).isBetween(1224.0, 1234.0);
    }

    @Test
    void refusesSeveralChannels() {
        Snapshot two = SnapshotBuilder.create("two")
                .region("isp")
                .channel("x", 100, 1, "origin")
                .channel("y", 100, 1, "origin")
                .origin("origin", "isp", 10_000)
                .peer("a", "isp", 0, "x", "y")
                .build();
        PlanningProblem problem = PlanningProblem.of(two);
        Strategy strategy = new ThresholdStrategy(1000, UnservedReason.CAPACITY);
        Plan plan = strategy.plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);

        assertThat(verification.violations()).isEmpty();
        assertThatThrownBy(() -> RateBisection.measure(strategy, problem, plan, verification))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one channel");
    }

    @Test
    void theRateVariantKeepsEverythingButTheRate() {
        Snapshot base = star(600);
        Snapshot variant = SnapshotVariants.withRate(base, 900);

        assertThat(variant.channels().get(0).rateKbps()).isEqualTo(900);
        assertThat(variant.channels().get(0).substreams()).isEqualTo(2);
        assertThat(variant.nodes()).isEqualTo(base.nodes());
        assertThat(variant.id()).isEqualTo(base.id());
        assertThat(SnapshotVariants.withParity(base, 2).channels().get(0).parity())
                .isEqualTo(2);
        assertThat(List.of(variant.regions(), variant.links())).isEqualTo(List.of(base.regions(), base.links()));
    }
}
