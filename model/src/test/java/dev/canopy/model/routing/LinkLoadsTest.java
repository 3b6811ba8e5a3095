package dev.canopy.model.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three regions in a row, a -ab- b -bc- c, with link ab running a to b and carrying 1000 kbps
 * of outside load, and link bc running b to c.
 */
class LinkLoadsTest {
    private Routing routing;
    private int ab;
    private int bc;

    @BeforeEach
    void network() {
        Snapshot snapshot = SnapshotBuilder.create("row")
                .region("a")
                .region("b")
                .region("c")
                .link(new Link(
                        "ab", "a", "b", LinkKind.TRANSIT, OptionalLong.empty(), 10.0, 1000, OptionalDouble.empty()))
                .link("bc", "b", "c", 10)
                .channel("soccer", 1200, 4, "o1")
                .channel("news", 100, 1, "o1")
                .origin("o1", "a", 10_000)
                .peer("p1", "b", 1000, "soccer")
                .peer("p2", "c", 1000, "soccer", "news")
                .peer("p3", "c", 1000, "soccer")
                .build();
        routing = Routing.of(SnapshotIndex.of(snapshot));
        ab = routing.index().linkIndex("ab").getAsInt();
        bc = routing.index().linkIndex("bc").getAsInt();
    }

    @Test
    void sumsEveryEdgesRateOnEveryLinkOfItsRoutePerDirection() {
        LinkLoads loads = LinkLoads.of(plan(), routing);

        // a -> b: o1 -> p1 (300), o1 -> p2 (news, 100); b -> a: p2 -> o1 (1200), p1 -> o1 (own rate 50)
        assertThat(loads.kbps(ab, true)).isEqualTo(400);
        assertThat(loads.kbps(ab, false)).isEqualTo(1250);
        // b -> c: p1 -> p2 (300), o1 -> p2 (100); c -> b: p2 -> o1 (1200)
        assertThat(loads.kbps(bc, true)).isEqualTo(400);
        assertThat(loads.kbps(bc, false)).isEqualTo(1200);
    }

    @Test
    void theTotalAddsTheLinksOutsideLoadInEachDirection() {
        LinkLoads loads = LinkLoads.of(plan(), routing);

        assertThat(loads.totalKbps(ab, true)).isEqualTo(1400);
        assertThat(loads.totalKbps(ab, false)).isEqualTo(2250);
        assertThat(loads.totalKbps(bc, true)).isEqualTo(400);
    }

    @Test
    void countsOnlyTheChannelsTheFilterLetsThrough() {
        LinkLoads loads = LinkLoads.of(plan(), routing, "news"::equals);

        assertThat(loads.kbps(ab, true)).isEqualTo(100);
        assertThat(loads.kbps(ab, false)).isZero();
        assertThat(loads.kbps(bc, true)).isEqualTo(100);
        assertThat(loads.kbps(bc, false)).isZero();
    }

    @Test
    void trafficInsideARegionAndEdgesOfUnknownNodesLoadNoLink() {
        Plan plan = new Plan(
                null,
                "row",
                1,
                null,
                "test",
                List.of(Overlay.tree(
                        "soccer",
                        1,
                        300,
                        List.of(
                                Edge.of("p2", "p3", Initiator.CHILD),
                                Edge.of("ghost", "p1", Initiator.CHILD),
                                Edge.of("o1", "ghost", Initiator.CHILD)))),
                null,
                null,
                null,
                null);

        LinkLoads loads = LinkLoads.of(plan, routing);

        assertThat(List.of(loads.kbps(ab, true), loads.kbps(ab, false), loads.kbps(bc, true), loads.kbps(bc, false)))
                .containsOnly(0L);
    }

    @Test
    void addingTrafficBetweenRegionsLoadsTheRouteBetweenThem() {
        LinkLoads loads = new LinkLoads(routing);
        SnapshotIndex index = routing.index();

        loads.add(index.regionIndex("c").getAsInt(), index.regionIndex("a").getAsInt(), 70);
        loads.add(index.regionIndex("c").getAsInt(), index.regionIndex("a").getAsInt(), 30);

        assertThat(loads.kbps(bc, false)).isEqualTo(100);
        assertThat(loads.kbps(ab, false)).isEqualTo(100);
        assertThat(loads.kbps(ab, true)).isZero();
        assertThat(loads.kbps(bc, true)).isZero();
    }

    private static Plan plan() {
        return new Plan(
                null,
                "row",
                1,
                null,
                "test",
                List.of(
                        Overlay.tree(
                                "soccer",
                                0,
                                300,
                                List.of(
                                        Edge.of("o1", "p1", Initiator.CHILD),
                                        Edge.of("p1", "p2", Initiator.CHILD),
                                        Edge.of("p2", "p3", Initiator.CHILD))),
                        Overlay.mesh(
                                "soccer",
                                1200,
                                List.of(
                                        Edge.of("p2", "o1", Initiator.BOTH),
                                        new Edge(
                                                "p1", "o1", Initiator.BOTH, OptionalLong.of(50), OptionalInt.empty()))),
                        Overlay.tree("news", 0, 100, List.of(Edge.of("o1", "p2", Initiator.PARENT)))),
                null,
                null,
                null,
                null);
    }
}
