package dev.canopy.solver.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomStrategyTest extends StrategyContractTest {
    private static final Snapshot GENERATED = NetworkGenerator.generate(
            GeneratorOptions.defaults(2000).withSeed(5).withId("gen-2000"));

    @Override
    protected Strategy strategy() {
        return new RandomStrategy();
    }

    @Test
    void differentSeedsGiveDifferentPlans() {
        Planned one = Planned.of(strategy(), GENERATED, 1);
        Planned two = Planned.of(strategy(), GENERATED, 2);

        assertThat(two.plan().overlays()).isNotEqualTo(one.plan().overlays());
        assertThat(one.servedFraction()).isEqualTo(1.0);
        assertThat(two.servedFraction()).isEqualTo(1.0);
    }

    @Test
    void takesParentsWithoutRegardForLocality() {
        // 60 ISPs: a parent drawn uniformly sits in another ISP almost always.
        assertThat(Planned.of(strategy(), GENERATED, 1).crossRegionShare()).isGreaterThan(0.8);
    }

    /**
     * Two peers behind a link with room for one substream: whichever joins second can only take
     * the first, one holder among fifty-odd (CDNs, which join first, and the origin) whose route
     * is full, so random draws alone would miss it most of the time and the fallback scan must
     * find it.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aNodeFindsTheOneParentItsFullLinkLeaves(long seed) {
        SnapshotBuilder b = SnapshotBuilder.create("full-link")
                .region("world")
                .region("near", "world")
                .region("far", "world")
                .link("l", "near", "far", 10, 100)
                .channel("live", 100, 1, "origin")
                .origin("origin", "near", 100 * 60);
        for (int i = 0; i < 50; i++) {
            b.cdn("cdn" + i, "near", 100 * 10, "live");
        }
        Snapshot snapshot =
                b.peer("x", "far", 100, "live").peer("y", "far", 100, "live").build();

        Planned planned = Planned.of(strategy(), snapshot, seed);

        assertThat(planned.plan().unserved()).isEmpty();
        List<String> parents =
                List.of(planned.parentsOf("x").get(0), planned.parentsOf("y").get(0));
        assertThat(parents).containsAnyOf("x", "y");
    }

    @Test
    void listsWhoCannotBeServedWithTheReason() {
        Snapshot snapshot = SnapshotBuilder.create("reasons")
                .region("r")
                .channel("live", 100, 1, "origin")
                .origin("origin", "r", 100)
                .peer("a", "r", 0, "live")
                .peer("b", "r", 0, "live")
                .peer("walled", "r", 100, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:waypoint")
                        .wants("live"))
                .build();

        Planned planned = Planned.of(strategy(), snapshot, 3);

        assertThat(planned.plan().unserved())
                .extracting(Unserved::node, Unserved::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                planned.parentsOf("a").isEmpty() ? "a" : "b", UnservedReason.CAPACITY),
                        org.assertj.core.groups.Tuple.tuple("walled", UnservedReason.ACCESS_LIST));
    }
}
