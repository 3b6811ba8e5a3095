package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Strategy} honours, run for each implementation on every fixture
 * snapshot and on generated ones: every wanted (node, channel) is served or listed unserved
 * with a reason; the plan passes the verifier; a fixed seed gives the same plan; served rate
 * never beats the physical limit; under operator policies, the plan passes the policy-aware
 * verifier, while a plan made without them breaks them (so each case binds).
 */
public abstract class StrategyContractTest {
    static final PlanOptions OPTIONS =
            PlanOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-21T20:00:01Z"), ZoneOffset.UTC));

    /** The strategy under test. */
    protected abstract Strategy strategy();

    /** Whether the strategy plans under operator policies; one that does not must refuse them. */
    protected boolean obeysPolicies() {
        return true;
    }

    /** Whether the strategy sets relaxable policies aside for nodes it cannot otherwise serve. */
    protected boolean relaxes() {
        return false;
    }

    static Stream<Arguments> instances() {
        return Stream.concat(
                fixtureSnapshots()
                        .map(file -> Arguments.of(
                                file.getFileName().toString().replace(".json", ""), Documents.readSnapshot(file))),
                TestInstances.generated().map(s -> Arguments.of(s.id(), s)));
    }

    /** Every snapshot under {@code fixtures/snapshots}, by name, so that a new fixture is covered. */
    static Stream<Path> fixtureSnapshots() {
        try (Stream<Path> files = Files.list(Fixtures.directory("snapshots"))) {
            List<Path> snapshots =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(snapshots).as("fixture snapshots").hasSizeGreaterThanOrEqualTo(8);
            return snapshots.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    @Test
    void theSeedsHardPoliciesAreObeyed() {
        assertObeyed("seed-examples", PolicyCases.seedNetwork(), PolicyCases.seedHardSubset());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.canopy.solver.PolicyCases#kinds")
    void eachPolicyKindIsObeyed(String kind, String items) {
        assertObeyed(kind, PolicyCases.generated(), PolicyCases.document(items));
    }

    @Test
    void aRelaxableCapThatBlocksNodesIsSetAsideForThem() {
        if (!obeysPolicies() || !relaxes()) {
            return;
        }
        Snapshot snapshot = PolicyCases.generated();
        PolicyDocument policies = PolicyCases.document(PolicyCases.relaxableCap());
        Plan plan = strategy().plan(PlanningProblem.of(snapshot, policies, OPTIONS));
        assertThat(PlanVerifier.verify(snapshot, plan, policies).violations()).isEmpty();
        assertThat(plan.relaxed()).isNotEmpty().allSatisfy(r -> assertThat(r.policy())
                .isEqualTo("x1-closed"));
        assertThat(plan.unserved()).noneMatch(u -> u.policy().isPresent());
    }

    private void assertObeyed(String name, Snapshot snapshot, PolicyDocument policies) {
        PlanningProblem problem = PlanningProblem.of(snapshot, policies, OPTIONS);
        if (!obeysPolicies()) {
            assertThatThrownBy(() -> strategy().plan(problem))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("policies");
            return;
        }
        Plan without = strategy().plan(PlanningProblem.of(snapshot, null, OPTIONS));
        assertThat(PlanVerifier.verify(snapshot, without, policies).violations())
                .as(name + ": a plan made without the policies breaks them")
                .isNotEmpty();
        Plan plan = strategy().plan(problem);
        Verification verification = PlanVerifier.verify(snapshot, plan, policies);
        assertThat(verification.violations()).as(name).isEmpty();
        assertThat(plan.unserved())
                .filteredOn(u -> u.reason() == UnservedReason.POLICY)
                .allSatisfy(u -> assertThat(u.policy()).as(name).isPresent());
        assertThat(verification.metrics().channels().values().stream()
                        .mapToInt(ChannelMetrics::served)
                        .sum())
                .as(name + ": something is still served")
                .isPositive();
    }
}
