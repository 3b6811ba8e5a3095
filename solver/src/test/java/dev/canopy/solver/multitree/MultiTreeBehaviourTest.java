package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules that make multi-tree what it is, each on an instance where breaking it would show. */
class MultiTreeBehaviourTest {
    private final MultiTreeStrategy strategy = new MultiTreeStrategy();

    @Test
    void everyPeerIsInteriorInOneTreeOnlyWhenCapacityIsAmple() {
        Snapshot snapshot = NetworkGenerator.generate(
                GeneratorOptions.defaults(3000).withSubstreams(8).withSeed(21));

        Planned planned = Planned.by(strategy, snapshot);

        // The only peers with children in several trees are friends feeding the access-list
        // receivers that name them, and the metrics say so.
        assertThat(planned.metrics().servedFraction()).isEqualTo(1.0);
        assertThat(planned.peersInteriorInSeveralTreesBesidesFriends()).isZero();
        long several = planned.peersInteriorInSeveralTrees();
        assertThat(several).isPositive();
        assertThat(planned.plan().metrics())
                .containsEntry(TreePlanner.RELAXATIONS, (int) several)
                .containsEntry(TreePlanner.FRIEND_RELAYS, (int) several);
    }

    @Test
    void relaxationsAreReportedAsTheyAre() {
        Snapshot nominal = NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                .withMix(CapacityMix.HOMOGENEOUS)
                .withLightweightShare(0)
                .withSubstreams(8)
                .withSeed(22));
        for (long rate : new long[] {1200, 1300, 1400, 1430}) {
            Planned planned = Planned.by(strategy, Planned.atRate(nominal, rate));

            assertThat(planned.plan().metrics().get(TreePlanner.RELAXATIONS))
                    .as("rate " + rate)
                    .isEqualTo((int) planned.peersInteriorInSeveralTrees());
        }
    }

    @Test
    void ejectsLowerTiersAndLowestUplinksFirstWhenCapacityIsShort() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("snapshots/capacity-shortage.json"));

        Planned planned = Planned.by(strategy, snapshot);

        // final: 1000 kbps in 2 substreams of 500; 9 slots for 8 receivers x 2. Free peers go
        // first (p8 0 kbps, p7 100, p4 200), then standard ones by uplink (p6 250); that is
        // enough, so p3 (standard, 300) and the premium peers stay.
        Map<String, UnservedReason> finalUnserved = planned.plan().unserved().stream()
                .filter(u -> u.channel().equals("final"))
                .collect(Collectors.toMap(Unserved::node, Unserved::reason));
        assertThat(finalUnserved)
                .containsOnlyKeys("p4", "p6", "p7", "p8")
                .allSatisfy((node, reason) -> assertThat(reason).isEqualTo(UnservedReason.EJECTED));
        assertThat(planned.metrics().channels().get("final").served()).isEqualTo(4);
        assertThat(planned.metrics().channels().get("radio").servedFraction()).isEqualTo(1.0);
        assertThat(planned.plan().metrics()).containsEntry(TreePlanner.EJECTED, 4);
    }

    @Test
    void servesAllThatTheCriticalFamilyCanCarryWhereGreedyStrands() {
        // Uplinks sum to 1.02 x demand, but no-relay peers and whole slots put the limit below
        // the 1200 kbps rate: some must go. Multi-tree ejects only what it must and serves the
        // rest; greedy strands far more.
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(8)
                .withSeed(23));

        Planned tree = Planned.by(strategy, snapshot);
        Planned greedy = Planned.by(new GreedyStrategy(), snapshot);

        assertThat(tree.plan().unserved()).isNotEmpty().allSatisfy(u -> assertThat(u.reason())
                .isEqualTo(UnservedReason.EJECTED));
        assertThat(tree.metrics().servedFraction())
                .isGreaterThan(greedy.metrics().servedFraction() + 0.1);
    }

    @Test
    void servesEveryoneJustBelowTheWholeSlotBound() {
        // 2,005 receivers x 8 substreams; at 1112 kbps (139 kbps a substream) the nodes' whole
        // slots just cover them (at 1113 they do not): nothing may be left unserved.
        Snapshot nominal = NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(8)
                .withSeed(23));

        Planned planned = Planned.by(strategy, Planned.atRate(nominal, 1112));

        assertThat(planned.plan().unserved()).isEmpty();
    }

    @Test
    void keepsTrafficInsideRegionsFarMoreThanARandomTracker() {
        Snapshot snapshot = NetworkGenerator.generate(
                GeneratorOptions.defaults(5000).withSubstreams(8).withSeed(24));

        Planned planned = Planned.by(strategy, snapshot);

        SnapshotIndex index = planned.index();
        double randomCrossRegion = 1 - sameShare(index, true);
        double randomCrossCountry = 1 - sameShare(index, false);
        assertThat(planned.metrics().servedFraction()).isEqualTo(1.0);
        assertThat(planned.metrics().crossRegionShare()).isLessThan(0.3 * randomCrossRegion);
        assertThat(planned.metrics().crossCountryShare()).isLessThan(0.1 * randomCrossCountry);
    }

    @Test
    void lightweightChildrenHangUnderRegularParentsWhoWaitForThemToConnect() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                .withLightweightShare(0.4)
                .withSubstreams(4)
                .withSeed(25));

        Planned planned = Planned.by(strategy, snapshot);

        long lightweightEdges = planned.plan().overlays().stream()
                .flatMap(o -> o.edges().stream())
                .filter(e -> planned.index().node(e.child()).orElseThrow().isLightweight())
                .peek(e -> assertThat(
                                planned.index().node(e.parent()).orElseThrow().isLightweight())
                        .isFalse())
                .count();
        assertThat(lightweightEdges).isPositive();
        assertThat(planned.metrics().servedFraction()).isEqualTo(1.0);
    }

    /** The chance that two random nodes share a leaf region (or a country). */
    private static double sameShare(SnapshotIndex index, boolean region) {
        Map<Object, Integer> sizes = new HashMap<>();
        for (int i = 0; i < index.nodeCount(); i++) {
            Object key = region ? index.regionOf(i) : index.countryOf(i).orElse("?");
            sizes.merge(key, 1, Integer::sum);
        }
        double n = index.nodeCount();
        return sizes.values().stream().mapToDouble(s -> (s / n) * (s / n)).sum();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CapacityMix.class,
            names = {"FOUR_TIER", "LOG_NORMAL", "HOMOGENEOUS"})
    void aRegionsPeersGoToTheTreesItsCountryIsShortOf(CapacityMix mix) {
        // 1,000 peers in 20 countries of 3 ISPs: an ISP has fewer relaying peers than there are
        // trees, so its peers went to the trees with the fewest slots overall, and the other ISPs
        // of its country often to the same ones; a region short in a tree is fed from its
        // country first. Seed 1: 9.1, 12.9 and 9.0 % crossed countries, now 7.9, 9.9 and 8.0 %.
        Planned planned = Planned.by(
                new MultiTreeStrategy(),
                NetworkGenerator.generate(GeneratorOptions.defaults(1000)
                        .withSubstreams(8)
                        .withMix(mix)
                        .withSeed(1)));

        double before = mix == CapacityMix.LOG_NORMAL ? 0.129 : 0.090;
        assertThat(planned.metrics().crossCountryShare()).as(mix.code()).isLessThan(before - 0.008);
    }
}
