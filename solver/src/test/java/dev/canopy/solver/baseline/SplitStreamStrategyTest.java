package dev.canopy.solver.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SplitStreamStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new SplitStreamStrategy();
    }

    /**
     * The origin can feed one child. When the leaf joins first it takes that slot; the relaying
     * peer, interior in the only stripe, then finds no interior node with room and must push the
     * leaf down below itself. Whatever the join order, the tree ends origin, relay, leaf.
     */
    @Test
    void pushDownLetsAnInteriorPeerTakeALeafsPlace() {
        Snapshot snapshot = SnapshotBuilder.create("push-down")
                .region("r")
                .channel("live", 100, 1, "origin")
                .origin("origin", "r", 100)
                .peer("relay", "r", 100, "live")
                .lightweight("leaf", "r", 100, List.of(Limit.NO_INBOUND), "live")
                .build();

        long pushDowns = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Planned planned = Planned.of(strategy(), snapshot, seed);
            assertThat(planned.plan().unserved()).as("seed " + seed).isEmpty();
            assertThat(planned.parentsOf("relay")).containsExactly("origin");
            assertThat(planned.parentsOf("leaf")).containsExactly("relay");
            pushDowns += (Long) planned.plan().metrics().get("pushDowns");
        }
        assertThat(pushDowns).as("the leaf joined first for some seed").isPositive();
    }

    /**
     * A relaying peer has children in its own stripe only; children in more stripes than one
     * come from the spare capacity group (or an orphan's re-join, or an access list), each such
     * edge counted in the plan's metrics.
     */
    @ParameterizedTest
    @EnumSource(
            value = CapacityMix.class,
            names = {"FOUR_TIER", "CRITICAL"})
    void peersAreInteriorInOneStripeSaveForSpareCapacity(CapacityMix mix) {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                .withSeed(6)
                .withSubstreams(4)
                .withParity(1)
                .withMix(mix));
        Set<String> peers = new HashSet<>();
        for (Node n : snapshot.nodes()) {
            if (n.role() == Role.PEER) {
                peers.add(n.id());
            }
        }

        Planned planned = Planned.of(strategy(), snapshot, 1);

        Map<String, Set<Integer>> stripesWithChildren = new HashMap<>();
        for (Overlay overlay : planned.plan().overlays()) {
            overlay.edges().stream().filter(e -> peers.contains(e.parent())).forEach(e -> stripesWithChildren
                    .computeIfAbsent(e.parent(), k -> new HashSet<>())
                    .add(overlay.substream().orElseThrow()));
        }
        long beyondOne = stripesWithChildren.values().stream()
                .mapToLong(stripes -> stripes.size() - 1)
                .sum();
        long spare = (Long) planned.plan().metrics().get("spareCapacityEdges");
        assertThat(stripesWithChildren).as("peers relay at all").isNotEmpty();
        assertThat(beyondOne).isLessThanOrEqualTo(spare);
    }

    @Test
    void attachesToNearbyInteriorNodesUnlikeRandom() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(2000).withSeed(5));

        Planned splitStream = Planned.of(strategy(), snapshot, 1);
        Planned random = Planned.of(new RandomStrategy(), snapshot, 1);

        assertThat(splitStream.crossRegionShare()).isLessThan(random.crossRegionShare() / 2);
    }

    @Test
    void theSeedDecidesStripesAndJoinOrder() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(500).withSeed(5));

        long distinct = LongStream.of(1, 2, 3)
                .mapToObj(seed -> Planned.of(strategy(), snapshot, seed).plan().overlays())
                .distinct()
                .count();

        assertThat(distinct).isEqualTo(3);
    }
}
