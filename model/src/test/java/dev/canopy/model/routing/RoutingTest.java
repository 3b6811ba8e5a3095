package dev.canopy.model.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Link;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Routing exactly as the Routing paragraph of the snapshot format defines it. */
class RoutingTest {

    @Test
    void takesTheLowestLatencyPathEvenOverMoreLinks() {
        Routing routing = routing(SnapshotBuilder.create("triangle")
                .region("a")
                .region("b")
                .region("c")
                .link("a-c", "a", "c", 30)
                .link("a-b", "a", "b", 10)
                .link("b-c", "b", "c", 10));

        Route route = route(routing, "a", "c");

        assertThat(linkIds(routing, route)).containsExactly("a-b", "b-c");
        assertThat(route.latencyMs()).isEqualTo(20);
        assertThat(route.isImplicitTransit()).isFalse();
        assertThat(latency(routing, "a", "c")).isEqualTo(20);
    }

    @Test
    void takesTheDirectLinkWhenItIsFaster() {
        Routing routing = routing(SnapshotBuilder.create("triangle")
                .region("a")
                .region("b")
                .region("c")
                .link("a-b", "a", "b", 10)
                .link("b-c", "b", "c", 10)
                .link("a-c", "a", "c", 19.5));

        assertThat(linkIds(routing, route(routing, "a", "c"))).containsExactly("a-c");
        assertThat(latency(routing, "a", "c")).isEqualTo(19.5);
    }

    @Test
    void breaksATieByTheFirstLinkIdOfTheTwoPaths() {
        // s -m- x -z- t and s -n- y -a- t, all 10 ms: [m, z] < [n, a], although "a" is the smallest id
        // and the losing path is listed first
        Routing routing = routing(SnapshotBuilder.create("tie")
                .region("s")
                .region("x")
                .region("y")
                .region("t")
                .link("n", "s", "y", 10)
                .link("a", "y", "t", 10)
                .link("m", "s", "x", 10)
                .link("z", "x", "t", 10));

        assertThat(linkIds(routing, route(routing, "s", "t"))).containsExactly("m", "z");
    }

    @Test
    void breaksATieByALaterLinkIdWhenThePathsStartAlike() {
        // both paths start with k; then [k, q, b] against [k, p, y]: p < q decides, although the
        // winner's last id y is larger than b
        Routing routing = routing(SnapshotBuilder.create("tie-later")
                .region("s")
                .region("u")
                .region("c1")
                .region("c2")
                .region("t")
                .link("k", "s", "u", 5)
                .link("q", "u", "c1", 5)
                .link("b", "c1", "t", 5)
                .link("p", "u", "c2", 5)
                .link("y", "c2", "t", 5));

        Route route = route(routing, "s", "t");

        assertThat(linkIds(routing, route)).containsExactly("k", "p", "y");
        assertThat(route.latencyMs()).isEqualTo(15);
    }

    @Test
    void comparesLinkIdsAsTextNotAsNumbers() {
        // "l10" < "l9" as text
        Routing routing = routing(SnapshotBuilder.create("text-order")
                .region("s")
                .region("x")
                .region("y")
                .region("t")
                .link("l9", "s", "x", 10)
                .link("l1", "x", "t", 10)
                .link("l10", "s", "y", 10)
                .link("l2", "y", "t", 10));

        assertThat(linkIds(routing, route(routing, "s", "t"))).containsExactly("l10", "l2");
    }

    @Test
    void breaksATieByIdsEvenAgainstAPathWithFewerLinks() {
        // three links of 5 + 5 + 10 ms tie with one link of 20 ms; "a1" < "b1" decides
        Routing routing = routing(SnapshotBuilder.create("hops")
                .region("s")
                .region("u")
                .region("v")
                .region("t")
                .link("b1", "s", "t", 20)
                .link("a1", "s", "u", 5)
                .link("a2", "u", "v", 5)
                .link("a3", "v", "t", 10));

        assertThat(linkIds(routing, route(routing, "s", "t"))).containsExactly("a1", "a2", "a3");
    }

    @Test
    void latenciesThatAreEqualInDecimalTieExactly() {
        // 0.1 + 0.2 is not 0.3 in binary floating point; the route still ties and "a" wins
        Routing routing = routing(SnapshotBuilder.create("decimal")
                .region("s")
                .region("u")
                .region("t")
                .link("b", "s", "t", 0.3)
                .link("a", "s", "u", 0.1)
                .link("c", "u", "t", 0.2));

        Route route = route(routing, "s", "t");

        assertThat(linkIds(routing, route)).containsExactly("a", "c");
        assertThat(route.latencyMs()).isEqualTo(0.3);
    }

    @Test
    void aZeroLatencyLinkStillLosesOrWinsByIds() {
        // u is 10 ms from s both over [b] and over [a, c] (c takes no time): [a, c] < [b]
        Routing routing = routing(SnapshotBuilder.create("zero")
                .region("s")
                .region("u")
                .region("w")
                .link("b", "s", "u", 10)
                .link("a", "s", "w", 10)
                .link("c", "w", "u", 0));

        Route route = route(routing, "s", "u");

        assertThat(linkIds(routing, route)).containsExactly("a", "c");
        assertThat(route.latencyMs()).isEqualTo(10);
    }

    @Test
    void breaksTiesInTheDirectionTheTrafficFlows() {
        // s -m- x -z- t and s -n- y -a- t: from s, [m, z] < [n, a]; from t, [a, n] < [z, m]
        Routing routing = routing(SnapshotBuilder.create("tie")
                .region("s")
                .region("x")
                .region("y")
                .region("t")
                .link("m", "s", "x", 10)
                .link("z", "x", "t", 10)
                .link("n", "s", "y", 10)
                .link("a", "y", "t", 10));

        assertThat(linkIds(routing, route(routing, "s", "t"))).containsExactly("m", "z");
        assertThat(linkIds(routing, route(routing, "t", "s"))).containsExactly("a", "n");
    }

    @Test
    void aRegionWithoutLinksUsesItsNearestLinkedAncestorAtZeroLatency() {
        Routing routing = routing(SnapshotBuilder.create("attach")
                .region("eu")
                .region("de", "eu")
                .region("berlin", "de")
                .region("dt", "de")
                .region("dt-home", "dt")
                .region("fr")
                .link("eu-fr", "eu", "fr", 30)
                .link("dt-fr", "dt", "fr", 5));
        SnapshotIndex index = routing.index();

        assertThat(routing.attachment(region(index, "berlin"))).isEqualTo(region(index, "eu"));
        assertThat(routing.attachment(region(index, "de"))).isEqualTo(region(index, "eu"));
        assertThat(routing.attachment(region(index, "dt-home"))).isEqualTo(region(index, "dt"));
        assertThat(routing.attachment(region(index, "dt"))).isEqualTo(region(index, "dt"));

        Route fromBerlin = route(routing, "berlin", "fr");
        assertThat(linkIds(routing, fromBerlin)).containsExactly("eu-fr");
        assertThat(fromBerlin.latencyMs()).isEqualTo(30);
        assertThat(fromBerlin.fromRegion()).isEqualTo(region(index, "berlin"));
        assertThat(fromBerlin.toRegion()).isEqualTo(region(index, "fr"));

        Route fromHome = route(routing, "dt-home", "fr");
        assertThat(linkIds(routing, fromHome)).containsExactly("dt-fr");
        assertThat(fromHome.latencyMs()).isEqualTo(5);
    }

    @Test
    void regionsJoinedToTheSameAncestorExchangeTrafficWithoutALink() {
        Routing routing = routing(SnapshotBuilder.create("attach")
                .region("eu")
                .region("de", "eu")
                .region("berlin", "de")
                .region("fr")
                .link("eu-fr", "eu", "fr", 30));

        for (String[] pair : new String[][] {{"berlin", "de"}, {"de", "berlin"}, {"berlin", "eu"}}) {
            Route route = route(routing, pair[0], pair[1]);
            assertThat(route.hops()).isZero();
            assertThat(route.latencyMs()).isZero();
            assertThat(route.isImplicitTransit()).isFalse();
        }
    }

    @Test
    void aRegionWithLinksOfItsOwnIsNotJoinedToItsAncestor() {
        // dt has a link, so it is not attached to eu: from dt to eu traffic goes round over fr
        Routing routing = routing(SnapshotBuilder.create("own-links")
                .region("eu")
                .region("dt", "eu")
                .region("fr")
                .link("eu-fr", "eu", "fr", 30)
                .link("dt-fr", "dt", "fr", 5));

        Route route = route(routing, "dt", "eu");

        assertThat(linkIds(routing, route)).containsExactly("dt-fr", "eu-fr");
        assertThat(route.latencyMs()).isEqualTo(35);
    }

    @Test
    void theSameRegionNeedsNoLink() {
        Routing routing = routing(SnapshotBuilder.create("same")
                .region("a")
                .region("b")
                .region("lonely")
                .link("a-b", "a", "b", 10));

        for (String region : List.of("a", "lonely")) {
            Route route = route(routing, region, region);
            assertThat(route.hops()).isZero();
            assertThat(route.latencyMs()).isZero();
            assertThat(route.isImplicitTransit()).isFalse();
            assertThat(latency(routing, region, region)).isZero();
        }
    }

    @Test
    void unconnectedRegionsUseTheImplicitTransitPathAtTheDefaultLatency() {
        Routing routing = routing(SnapshotBuilder.create("islands")
                .defaultLatencyMs(77.5)
                .region("a")
                .region("b")
                .region("c")
                .region("d")
                .region("nowhere")
                .link("a-b", "a", "b", 10)
                .link("c-d", "c", "d", 10));

        for (String[] pair : new String[][] {{"a", "c"}, {"d", "b"}, {"a", "nowhere"}, {"nowhere", "a"}}) {
            Route route = route(routing, pair[0], pair[1]);
            assertThat(route.isImplicitTransit())
                    .as("%s -> %s", pair[0], pair[1])
                    .isTrue();
            assertThat(route.hops()).isZero();
            assertThat(route.latencyMs()).isEqualTo(77.5);
            assertThat(latency(routing, pair[0], pair[1])).isEqualTo(77.5);
        }
        assertThat(routing.attachment(region(routing.index(), "nowhere"))).isEqualTo(-1);
    }

    @Test
    void theDefaultLatencyOfTheImplicitPathIsTheFormatsWhenTheSnapshotStatesNone() {
        Routing routing = routing(SnapshotBuilder.create("islands").region("a").region("b"));

        assertThat(route(routing, "a", "b").latencyMs()).isEqualTo(Snapshot.DEFAULT_LATENCY_MS);
    }

    @Test
    void tellsTheDirectionEachLinkIsCrossedIn() {
        // link "ab" runs a -> b, link "cb" runs c -> b
        Routing routing = routing(SnapshotBuilder.create("directions")
                .region("a")
                .region("b")
                .region("c")
                .link("ab", "a", "b", 10)
                .link("cb", "c", "b", 10));

        Route forward = route(routing, "a", "c");
        assertThat(linkIds(routing, forward)).containsExactly("ab", "cb");
        assertThat(directions(forward)).containsExactly(true, false);

        Route back = route(routing, "c", "a");
        assertThat(linkIds(routing, back)).containsExactly("cb", "ab");
        assertThat(directions(back)).containsExactly(true, false);

        assertThat(directions(route(routing, "b", "a"))).containsExactly(false);
    }

    @Test
    void routesBetweenNodesByTheirRegions() {
        Routing routing = routing(SnapshotBuilder.create("nodes")
                .region("a")
                .region("b")
                .link("ab", "a", "b", 10)
                .peer("p1", "a", 100)
                .peer("p2", "b", 100)
                .peer("p3", "b", 100));
        SnapshotIndex index = routing.index();
        int p1 = index.nodeIndex("p1").getAsInt();
        int p2 = index.nodeIndex("p2").getAsInt();
        int p3 = index.nodeIndex("p3").getAsInt();

        assertThat(linkIds(routing, routing.routeBetweenNodes(p2, p1))).containsExactly("ab");
        assertThat(directions(routing.routeBetweenNodes(p2, p1))).containsExactly(false);
        assertThat(routing.routeBetweenNodes(p2, p3).hops()).isZero();
    }

    @Test
    void repeatedQueriesGiveTheSameRoute() {
        Routing routing = routing(grid());
        SnapshotIndex index = routing.index();
        int n = index.regionCount();
        List<String> first = new ArrayList<>();
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                first.add(describe(routing, routing.route(from, to)));
                assertThat(routing.latencyMs(from, to))
                        .isEqualTo(routing.route(from, to).latencyMs());
            }
        }

        List<String> again = new ArrayList<>();
        for (int from = n - 1; from >= 0; from--) {
            for (int to = n - 1; to >= 0; to--) {
                again.add(0, describe(routing, routing.route(from, to)));
            }
        }

        assertThat(again).isEqualTo(first);
        assertThat(linkIds(routing, route(routing, "r00", "r11"))).containsExactly("h00", "v01");
        assertThat(linkIds(routing, route(routing, "r11", "r00"))).containsExactly("h10", "v00");
    }

    @Test
    void concurrentQueriesGiveTheSameRoutesAsOneThread() throws Exception {
        Snapshot grid = grid();
        Routing alone = routing(grid);
        Routing shared = routing(grid);
        int n = alone.index().regionCount();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<String> routes = new ArrayList<>();
                    for (int from = 0; from < n; from++) {
                        for (int to = 0; to < n; to++) {
                            routes.add(describe(shared, shared.route(from, to)));
                        }
                    }
                    return routes;
                }));
            }
            List<String> expected = new ArrayList<>();
            for (int from = 0; from < n; from++) {
                for (int to = 0; to < n; to++) {
                    expected.add(describe(alone, alone.route(from, to)));
                }
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A 4 x 4 grid of regions with equal latencies, full of ties. */
    private static Snapshot grid() {
        SnapshotBuilder builder = SnapshotBuilder.create("grid");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                builder.region("r" + r + c);
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                if (c < 3) {
                    builder.link("h" + r + c, "r" + r + c, "r" + r + (c + 1), 10);
                }
                if (r < 3) {
                    builder.link("v" + r + c, "r" + r + c, "r" + (r + 1) + c, 10);
                }
            }
        }
        return builder.build();
    }

    private static Routing routing(SnapshotBuilder builder) {
        return routing(builder.build());
    }

    private static Routing routing(Snapshot snapshot) {
        return Routing.of(SnapshotIndex.of(snapshot));
    }

    private static int region(SnapshotIndex index, String id) {
        return index.regionIndex(id).getAsInt();
    }

    private static Route route(Routing routing, String from, String to) {
        return routing.route(region(routing.index(), from), region(routing.index(), to));
    }

    private static double latency(Routing routing, String from, String to) {
        return routing.latencyMs(region(routing.index(), from), region(routing.index(), to));
    }

    private static List<String> linkIds(Routing routing, Route route) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < route.hops(); i++) {
            Link link = routing.index().link(route.link(i));
            ids.add(link.id());
        }
        assertThat(route.links()).hasSize(route.hops());
        return ids;
    }

    private static List<Boolean> directions(Route route) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < route.hops(); i++) {
            out.add(route.aToB(i));
        }
        return out;
    }

    private static String describe(Routing routing, Route route) {
        return linkIds(routing, route) + " " + directions(route) + " " + route.latencyMs() + " "
                + route.isImplicitTransit();
    }
}
