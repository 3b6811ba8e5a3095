package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Strategy} honours, run for each implementation on every fixture
 * snapshot and on generated ones: every wanted (node, channel) is served or listed unserved
 * with a reason; the plan passes the verifier; a fixed seed gives the same plan; served rate
 * never beats the physical limit.
 */
public abstract class StrategyContractTest {
    static final PlanOptions OPTIONS =
            PlanOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-21T20:00:01Z"), ZoneOffset.UTC));

    /** The strategy under test. */
    protected abstract Strategy strategy();

    static Stream<Arguments> instances() {
        return Stream.concat(
                Stream.of(
                                "seed-network",
                                "lightweight-clients",
                                "capacity-shortage",
                                "enterprise-firewall",
                                "geo-regions",
                                "coded-channel")
                        .map(name -> Arguments.of(
                                name, Documents.readSnapshot(Fixtures.path("snapshots/" + name + ".json")))),
                TestInstances.generated().map(s -> Arguments.of(s.id(), s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void plansPassTheVerifier(String name, Snapshot snapshot) {
        Plan plan = strategy().plan(PlanningProblem.of(snapshot, null, OPTIONS));
        Verification verification = PlanVerifier.verify(snapshot, plan);
        assertThat(verification.violations()).as(name).isEmpty();
        assertThat(TreeGraphCheck.problems(SnapshotIndex.of(snapshot), plan))
                .as(name + " (JGraphT tree check)")
                .isEmpty();
        assertThat(plan.strategy()).isEqualTo(strategy().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void everyWantedPairIsServedOrListedWithAReason(String name, Snapshot snapshot) {
        Plan plan = strategy().plan(PlanningProblem.of(snapshot, null, OPTIONS));
        Verification verification = PlanVerifier.verify(snapshot, plan);
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        Set<String> listed = new HashSet<>();
        for (Unserved u : plan.unserved()) {
            assertThat(u.reason()).isNotNull();
            listed.add(u.node() + "/" + u.channel());
        }
        int wanted = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            wanted += index.receivers(c).length;
        }
        int served = verification.metrics().channels().values().stream()
                .mapToInt(ChannelMetrics::served)
                .sum();
        assertThat(served + listed.size()).as(name).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void aFixedSeedGivesTheSamePlan(String name, Snapshot snapshot) {
        Plan first = strategy().plan(PlanningProblem.of(snapshot, null, OPTIONS.withSeed(7)));
        Plan second = strategy().plan(PlanningProblem.of(snapshot, null, OPTIONS.withSeed(7)));
        assertThat(second).as(name).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void servedRateNeverBeatsThePhysicalLimit(String name, Snapshot snapshot) {
        Plan plan = strategy().plan(PlanningProblem.of(snapshot, null, OPTIONS));
        Verification verification = PlanVerifier.verify(snapshot, plan);
        for (var entry : verification.metrics().channels().entrySet()) {
            ChannelMetrics channel = entry.getValue();
            double deliverable = channel.physicalLimitKbps() * channel.receivers();
            assertThat((double) channel.served() * channel.rateKbps())
                    .as(name + "/" + entry.getKey())
                    .isLessThanOrEqualTo(Math.max(deliverable, 0) + 1e-6 + (channel.served() == 0 ? 0 : 0));
        }
    }
}
