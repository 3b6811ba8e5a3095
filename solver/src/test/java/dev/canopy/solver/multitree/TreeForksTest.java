package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TreeForks}: the trees built in parallel make the very plan the one-after-the-other
 * build makes, with any number of threads, and the parallel build is really taken where the
 * trees share no tight capacity (else these tests would compare the sequential build with
 * itself); where they do share one (a full link), the trees are built one after the other.
 */
class TreeForksTest {
    private static final PlanOptions OPTIONS =
            PlanOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    static Stream<Snapshot> generated() {
        Stream<Snapshot> mixes = Stream.of(CapacityMix.values())
                .map(mix -> NetworkGenerator.generate(GeneratorOptions.defaults(3000)
                        .withMix(mix)
                        .withSeed(21)
                        .withSubstreams(8)
                        .withId("gen-" + mix.code())));
        Stream<Snapshot> variants = Stream.of(
                NetworkGenerator.generate(GeneratorOptions.defaults(4000)
                        .withSeed(22)
                        .withSubstreams(4)
                        .withId("gen-k4")),
                NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                        .withChannels(3)
                        .withLightweightShare(0.3)
                        .withSeed(23)
                        .withId("gen-three-channels")),
                NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                        .withParity(2)
                        .withSeed(24)
                        .withId("gen-parity")));
        return Stream.concat(mixes, variants);
    }

    @ParameterizedTest
    @MethodSource("generated")
    void generatedNetworksPlanTheSameWithOneTwoOrThreeThreads(Snapshot snapshot) {
        Parallelism two = new Parallelism(2, 0);
        Plan sequential = plan(snapshot, false, new Parallelism(1, 0));

        assertThat(plan(snapshot, false, two)).isEqualTo(sequential);
        assertThat(plan(snapshot, false, new Parallelism(3, 0))).isEqualTo(sequential);
        assertThat(plan(snapshot, true, two)).isEqualTo(plan(snapshot, true, new Parallelism(1, 0)));
    }

    @Test
    void generatedNetworksWhoseTreesShareNoTightCapacityAreBuiltInParallel() {
        long forked = generated()
                .filter(snapshot -> {
                    Parallelism two = new Parallelism(2, 0);
                    plan(snapshot, false, two);
                    return two.forked().get() > 0;
                })
                .count();

        // Where the origin has slots to spare the first trees take more of them than their roots,
        // which the later trees' forks cannot know: those are built one after the other.
        assertThat(forked).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "seed-network",
                "model-minimal",
                "enterprise-firewall",
                "coded-channel",
                "model-full",
                "lightweight-clients",
                "capacity-shortage",
                "geo-regions"
            })
    void fixturesPlanTheSameWithOneOrTwoThreads(String name) {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("snapshots/" + name + ".json"));

        for (boolean coded : new boolean[] {false, true}) {
            assertThat(plan(snapshot, coded, new Parallelism(2, 0)))
                    .isEqualTo(plan(snapshot, coded, new Parallelism(1, 0)));
        }
    }

    @Test
    void treesSharingAFullLinkAreBuiltOneAfterTheOther() {
        Parallelism two = new Parallelism(2, 0);
        Snapshot snapshot = sharedLink();

        assertThat(plan(snapshot, false, two)).isEqualTo(plan(snapshot, false, new Parallelism(1, 0)));
        // The first attempt's forks each found the link open; together they overfill it.
        assertThat(two.refused().get()).isPositive();
    }

    @Test
    void theSameNetworkWithRoomOnTheLinkIsBuiltInParallel() {
        Parallelism two = new Parallelism(2, 0);
        Snapshot snapshot = roomyLink();

        assertThat(plan(snapshot, false, two)).isEqualTo(plan(snapshot, false, new Parallelism(1, 0)));
        assertThat(two.forked().get()).isPositive();
        assertThat(two.refused().get()).isZero();
    }

    /** Plans with multi-tree (or coded) at the parallelism and checks the plan with the verifier. */
    private static Plan plan(Snapshot snapshot, boolean coded, Parallelism parallelism) {
        PlanningProblem problem = PlanningProblem.of(snapshot, PolicyDocument.EMPTY, OPTIONS);
        Plan plan = TreePlanner.plan(problem, coded ? CodedStrategy.NAME : MultiTreeStrategy.NAME, coded, parallelism);
        assertThat(PlanVerifier.verify(problem.routing(), plan).violations()).isEmpty();
        return plan;
    }

    /** Two regions behind a link that carries 3 substreams: the far peers' 4 trees all want it. */
    private static Snapshot sharedLink() {
        return twoRegions(3);
    }

    /** The same with a link that carries every substream anyone asks over it. */
    private static Snapshot roomyLink() {
        return twoRegions(1000);
    }

    private static Snapshot twoRegions(int substreamsOnLink) {
        long rate = 1000;
        SnapshotBuilder b = SnapshotBuilder.create("two-regions").region("core").region("far");
        b.link("core-far", "core", "far", 10, substreamsOnLink * rate / 4);
        b.channel("live", rate, 4, "origin");
        b.origin("origin", "core", 100 * rate);
        for (int i = 0; i < 12; i++) {
            b.peer("near" + i, "core", 2 * rate, "live");
            b.peer("far" + i, "far", 2 * rate, "live");
        }
        return b.build();
    }
}
