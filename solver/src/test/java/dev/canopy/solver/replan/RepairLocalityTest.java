package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.event.Events;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.bench.ThresholdStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Local repair keeps locality and depth: an orphan stays in its own region when a node there has
 * room, even behind more nodes with more uplink left that cannot take it (its siblings, orphaned
 * at the same time), else in its own country, even past the nearest regions; a leaving node's
 * strongest child takes its place; and a periodic re-plan that would trade locality for depth is
 * not adopted.
 */
class RepairLocalityTest {
    private static final long RATE = 1000;
    /** Siblings under the leaving hub: more than the candidates looked at per region. */
    private static final int SIBLINGS = ReplanOptions.defaults().candidatesPerRegion() + 1;

    /**
     * Germany: the ISPs isp-a and isp-b, and {@code emptyRegions} more regions without nodes,
     * all 1 ms from the country; isp-z, 50 ms away. France: isp-f, where the origin is. Peers
     * are added by the caller.
     */
    private static SnapshotBuilder germanyAndFrance(int emptyRegions) {
        SnapshotBuilder b = SnapshotBuilder.create("repair-locality")
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .link("x", "de", "fr", 20)
                .channel("live", RATE, 1, "origin");
        isp(b, "isp-a", "de", 1);
        isp(b, "isp-b", "de", 1);
        isp(b, "isp-z", "de", 50);
        isp(b, "isp-f", "fr", 1);
        for (int i = 0; i < emptyRegions; i++) {
            isp(b, "isp-e" + i, "de", 1);
        }
        return b;
    }

    /** An ISP region in a country, linked to it with the given latency. */
    private static void isp(SnapshotBuilder b, String id, String country, double latencyMs) {
        b.region(id, country).link("l-" + id, id, country, latencyMs);
    }

    private static List<String> siblings() {
        return IntStream.range(0, SIBLINGS).mapToObj(i -> "x" + i).toList();
    }

    /** A one-tree plan from parent-child pairs, each edge opened as the pairing rules say. */
    private static Plan plan(Snapshot snapshot, String... pairs) {
        Map<String, Node> nodes = snapshot.nodes().stream().collect(Collectors.toMap(Node::id, n -> n));
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Node parent = nodes.get(pairs[i]);
            Node child = nodes.get(pairs[i + 1]);
            edges.add(Edge.of(parent.id(), child.id(), Pairing.initiator(parent, child)));
        }
        return new Plan(
                null,
                snapshot.id(),
                1,
                null,
                "by-hand",
                List.of(Overlay.tree("live", 0, RATE, edges)),
                null,
                null,
                null,
                Map.of());
    }

    private static String[] hubFeedingSiblings(String... more) {
        List<String> pairs = new ArrayList<>(List.of(more));
        for (String x : siblings()) {
            pairs.add("hub");
            pairs.add(x);
        }
        return pairs.toArray(String[]::new);
    }

    private static String parentOf(Plan plan, String child) {
        return plan.overlays().get(0).edges().stream()
                .filter(e -> e.child().equals(child))
                .map(Edge::parent)
                .findFirst()
                .orElseThrow();
    }

    private static ReplanSession resume(Snapshot snapshot, Plan plan) {
        PlanningProblem problem = PlanningProblem.of(snapshot);
        assertThat(PlanVerifier.verify(problem.routing(), plan).violations()).isEmpty();
        return ReplanSession.resume(problem, plan, ReplanOptions.defaults());
    }

    private static Events.Capacity uplinkGone(ReplanSession session, String node) {
        return new Events.Capacity(session.now().plusSeconds(1), node, 0, OptionalLong.empty());
    }

    /**
     * In isp-a, hub (fed by the origin, in isp-b) feeds the siblings, which have more uplink left
     * than keep (fed by the origin too); the origin, in the same country, has the most.
     */
    private static ReplanSession siblingsUnderHub(long firstSiblingUplink) {
        SnapshotBuilder b = germanyAndFrance(0)
                .origin("origin", "isp-b", 100 * RATE)
                .peer("hub", "isp-a", SIBLINGS * RATE, "live")
                .peer("keep", "isp-a", 2 * RATE, "live");
        siblings().forEach(x -> b.peer(x, "isp-a", x.equals("x0") ? firstSiblingUplink : 5 * RATE, "live"));
        Snapshot snapshot = b.build();
        return resume(snapshot, plan(snapshot, hubFeedingSiblings("origin", "hub", "origin", "keep")));
    }

    @Test
    void orphansStayInTheirRegionWhenANodeThereHasRoomBehindTheirSiblings() {
        ReplanSession session = siblingsUnderHub(5 * RATE);

        session.apply(uplinkGone(session, "hub"));

        Plan after = session.plan();
        assertThat(PlanVerifier.verify(session.snapshot(), after).violations()).isEmpty();
        assertThat(siblings()).allSatisfy(x -> assertThat(parentOf(after, x)).isNotEqualTo("origin"));
    }

    @Test
    void theStrongestChildOfALeavingNodeTakesItsPlaceAndTheOthersStayAsDeep() {
        // x0 keeps more uplink left than any sibling while it takes them all
        ReplanSession session = siblingsUnderHub(2 * SIBLINGS * RATE);

        var outcome = session.apply(new Events.Leave(session.now().plusSeconds(1), "hub"));

        Plan after = session.plan();
        assertThat(PlanVerifier.verify(session.snapshot(), after).violations()).isEmpty();
        assertThat(parentOf(after, "x0")).isEqualTo("origin");
        assertThat(siblings().subList(1, SIBLINGS))
                .allSatisfy(x -> assertThat(parentOf(after, x)).isEqualTo("x0"));
        assertThat(outcome.edgesChanged()).isLessThanOrEqualTo(SIBLINGS + 1);
    }

    @Test
    void anOrphanStaysInItsCountryPastTheNearestRegionsBeforeGoingAbroad() {
        // more empty German regions than the nearest regions searched lie between isp-a and
        // isp-z, where z has room; the origin, abroad, has the most uplink left
        int empty = ReplanOptions.defaults().nearRegions();
        Snapshot snapshot = germanyAndFrance(empty)
                .origin("origin", "isp-f", 100 * RATE)
                .peer("hub", "isp-a", RATE, "live")
                .peer("orphan", "isp-a", 0, "live")
                .peer("z", "isp-z", 2 * RATE, "live")
                .build();
        ReplanSession session = resume(snapshot, plan(snapshot, "origin", "hub", "hub", "orphan", "origin", "z"));

        session.apply(uplinkGone(session, "hub"));

        Plan after = session.plan();
        assertThat(PlanVerifier.verify(session.snapshot(), after).violations()).isEmpty();
        assertThat(parentOf(after, "orphan")).isEqualTo("z");
    }

    @Test
    void aPeriodicReplanThatIsShallowerButLessLocalIsKept() {
        // repaired: the origin (isp-b) feeds p1..p9 in isp-a, p1 feeds p10; the "fresh" plan feeds
        // all ten from the origin: one hop less in eleven (within DEPTH_SLACK), 10 % more locality
        // cost; by the score alone it would be adopted (4 x 1000 hop-kbps saved, 1000 of locality
        // lost, one edge changed at 500)
        List<String> peers = IntStream.rangeClosed(1, 10).mapToObj(i -> "p" + i).toList();
        List<String> pairs = new ArrayList<>();
        peers.subList(0, 9).forEach(p -> pairs.addAll(List.of("origin", p)));
        pairs.addAll(List.of("p1", "p10"));

        ReplanOutcome outcome = periodicReplanAgainstAStar(peers, pairs);

        assertThat(outcome.recomputed()).isEqualTo(ReplanOutcome.Recompute.KEPT);
    }

    @Test
    void aPeriodicReplanIsAdoptedOnceRepairHasGrownTheTreesFarDeeper() {
        // repaired: a chain origin > p1 > p2 > p3 > p4, 2.5 hops deep on average; the star: 1 hop,
        // four times the locality cost
        ReplanOutcome outcome = periodicReplanAgainstAStar(
                List.of("p1", "p2", "p3", "p4"), List.of("origin", "p1", "p1", "p2", "p2", "p3", "p3", "p4"));

        assertThat(outcome.recomputed()).isEqualTo(ReplanOutcome.Recompute.ADOPTED);
    }

    /**
     * Resumes the repaired plan of the given pairs (peers in isp-a, the origin in isp-b) with a
     * fake strategy that feeds every peer from the origin, and lets a periodic re-plan run.
     */
    private static ReplanOutcome periodicReplanAgainstAStar(List<String> peers, List<String> pairs) {
        SnapshotBuilder b = germanyAndFrance(0).origin("origin", "isp-b", 100 * RATE);
        peers.forEach(peer -> b.peer(peer, "isp-a", 10 * RATE, "live"));
        Snapshot snapshot = b.build();
        // below its threshold, the fake strategy sends straight from the origin to every peer
        Strategy star = new ThresholdStrategy(Long.MAX_VALUE, UnservedReason.CAPACITY);
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan repaired = plan(snapshot, pairs.toArray(String[]::new));
        assertThat(PlanVerifier.verify(problem.routing(), repaired).violations())
                .isEmpty();
        ReplanSession session = ReplanSession.resume(
                problem, repaired, ReplanOptions.defaults().withStrategy(star).withFullEvery(Duration.ofMinutes(1)));

        ReplanOutcome outcome = session.apply(new Events.Tick(session.now().plusSeconds(120)));

        assertThat(PlanVerifier.verify(session.snapshot(), session.plan()).violations())
                .isEmpty();
        if (outcome.recomputed() == ReplanOutcome.Recompute.KEPT) {
            assertThat(session.plan().overlays().get(0).edges())
                    .containsExactlyInAnyOrderElementsOf(
                            repaired.overlays().get(0).edges());
        }
        return outcome;
    }
}
