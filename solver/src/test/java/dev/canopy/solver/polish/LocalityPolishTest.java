package dev.canopy.solver.polish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyCases;
import dev.canopy.solver.bench.GeneratedInstance;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LocalityPolishTest {
    private static final long SUBSTREAM = 300;

    /** An origin in DE, three peers in FR with two substreams of uplink each; depth bound if given. */
    private static Snapshot threePeersAbroad(OptionalInt maxDepth) {
        return abroad(maxDepth, "c1@isp-c", "c2@isp-c", "c3@isp-c");
    }

    /**
     * An origin in DE (ISP isp-a); in FR the ISPs isp-c and isp-d, and the peers given as
     * {@code id@isp}, each with two substreams of uplink; depth bound if given.
     */
    private static Snapshot abroad(OptionalInt maxDepth, String... peers) {
        SnapshotBuilder b = SnapshotBuilder.create("polish-abroad")
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("isp-a", "de")
                .region("isp-c", "fr")
                .region("isp-d", "fr")
                .link("la", "isp-a", "de", 2)
                .link("lc", "isp-c", "fr", 2)
                .link("ld", "isp-d", "fr", 2)
                .link("x", "de", "fr", 20)
                .channel(new Channel(
                        "live", ChannelKind.LIVE, ContentClass.VIDEO, 2 * SUBSTREAM, 2, 0, List.of("origin"), maxDepth))
                .origin("origin", "isp-a", 6 * SUBSTREAM);
        for (String peer : peers) {
            String[] at = peer.split("@", 2);
            b.peer(at[0], at[1], 2 * SUBSTREAM, "live");
        }
        return b.build();
    }

    /** Every peer fed by the origin in both trees: 6 edges across countries. */
    private static Plan allFromTheOrigin(Snapshot snapshot) {
        List<Overlay> overlays = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            List<Edge> edges = new ArrayList<>();
            for (String peer : List.of("c1", "c2", "c3")) {
                edges.add(Edge.of("origin", peer, Initiator.BOTH));
            }
            overlays.add(Overlay.tree("live", s, SUBSTREAM, edges));
        }
        return new Plan(null, snapshot.id(), 1, null, "by-hand", overlays, null, null, null, Map.of());
    }

    @Test
    void peersAbroadAreReparentedUnderEachOtherOneInteriorTreeEach() {
        Snapshot snapshot = threePeersAbroad(OptionalInt.of(3));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan input = allFromTheOrigin(snapshot);

        Plan polished = LocalityPolish.polish(problem, input);

        assertValidWithTheSameServedSet(problem, input, polished);
        assertThat(Locality.planCost(problem.index(), input)).isEqualTo(6 * SUBSTREAM * Locality.CROSS_COUNTRY);
        // one peer per tree fed from abroad, relaying to the other two
        assertThat(Locality.planCost(problem.index(), polished)).isEqualTo(2 * SUBSTREAM * Locality.CROSS_COUNTRY);
        assertThat(polished.metrics())
                .containsEntry(LocalityPolish.STATUS, "polished")
                .containsEntry(LocalityPolish.MOVED, 4);
        assertThat(interiorPeers(polished, 0)).hasSize(1).doesNotContainAnyElementsOf(interiorPeers(polished, 1));
    }

    @Test
    void aPlanThatCannotGetCheaperIsReturnedAsItWas() {
        // without a depth bound the input's depth (1) is kept, so no peer may take a child
        Snapshot snapshot = threePeersAbroad(OptionalInt.empty());
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan input = allFromTheOrigin(snapshot);

        Plan polished = LocalityPolish.polish(problem, input);

        assertThat(polished.overlays()).isEqualTo(input.overlays());
        assertThat(polished.metrics().get(LocalityPolish.STATUS).toString()).startsWith("kept input");
        assertThat(PlanVerifier.verify(problem.routing(), polished).violations())
                .isEmpty();
    }

    @Test
    void underOperatorPoliciesThePlanIsKeptAndTheSkipIsReported() {
        Snapshot snapshot = threePeersAbroad(OptionalInt.of(3));
        PolicyDocument policies = PolicyCases.document(
                """
                  - id: x-cap
                    kind: link-cap
                    link: x
                    maxKbps: 100000
                """);
        PlanningProblem problem = PlanningProblem.of(snapshot, policies, PlanOptions.defaults());
        Plan input = allFromTheOrigin(snapshot);

        Plan polished = LocalityPolish.polish(problem, input);

        assertThat(polished.overlays()).isEqualTo(input.overlays());
        assertThat(polished.metrics()).containsEntry(LocalityPolish.STATUS, "skipped: operator policies");
    }

    @Test
    void aMultiTreePlanGetsCheaperWithTheSameServedSetAndTheSameSeedGivesTheSamePlan() {
        PlanningProblem problem = fourTier200();
        Plan input = new MultiTreeStrategy().plan(problem);

        Plan polished = LocalityPolish.polish(problem, input);

        assertValidWithTheSameServedSet(problem, input, polished);
        assertThat(Locality.planCost(problem.index(), polished)).isLessThan(Locality.planCost(problem.index(), input));
        assertThat(polished.metrics()).containsEntry(LocalityPolish.STATUS, "polished");
        assertThat(LocalityPolish.polish(problem, input)).isEqualTo(polished);
    }

    /** A time limit (here one the search cannot reach) splits between descent and search; both still run. */
    @Test
    void underATimeLimitTheDescentAndTheSearchBothRun() {
        PlanningProblem plain = fourTier200();
        PlanningProblem limited = plain.withOptions(plain.options().withTimeLimit(Duration.ofSeconds(60)));
        Plan input = new MultiTreeStrategy().plan(plain);

        Plan polished = LocalityPolish.polish(limited, input);

        assertValidWithTheSameServedSet(limited, input, polished);
        assertThat(polished.metrics()).containsEntry(LocalityPolish.STATUS, "polished");
        assertThat(Locality.planCost(limited.index(), polished)).isLessThan(Locality.planCost(limited.index(), input));
    }

    /** With a search that takes no step, the descent alone lowers the cost. */
    @Test
    void theDescentAloneLowersAMultiTreePlansCost() {
        PlanningProblem problem = fourTier200();
        Plan input = new MultiTreeStrategy().plan(problem);
        PolishSearch.Settings none = new PolishSearch.Settings(PolishSearch.Acceptor.LATE_ACCEPTANCE, 0, 0, 1, false);

        Plan polished = LocalityPolish.polish(problem, input, "by-hand", none);

        assertValidWithTheSameServedSet(problem, input, polished);
        assertThat(Locality.planCost(problem.index(), polished)).isLessThan(Locality.planCost(problem.index(), input));
    }

    @Test
    void tabuSearchAlsoLowersTheCost() {
        Snapshot snapshot = threePeersAbroad(OptionalInt.of(3));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan input = allFromTheOrigin(snapshot);
        PolishSearch.Settings tabu = new PolishSearch.Settings(PolishSearch.Acceptor.TABU, 8, 1_000, 1_000, true);

        Plan polished = LocalityPolish.polish(problem, input, "by-hand", tabu);

        assertValidWithTheSameServedSet(problem, input, polished);
        assertThat(Locality.planCost(problem.index(), polished)).isEqualTo(2 * SUBSTREAM * Locality.CROSS_COUNTRY);
    }

    @Test
    void multiTreesMetricsDescribeThePolishedEdges() {
        // c1, alone in its ISP, has a child in both trees; d1 and d2 share an ISP. Moving d1 in
        // tree 1 from c1 to d2 saves a cross-region edge and leaves c1 with children in tree 0
        // only: multi-tree's relaxation count must follow.
        Snapshot snapshot = abroad(OptionalInt.of(3), "c1@isp-c", "d1@isp-d", "d2@isp-d");
        PlanningProblem problem = PlanningProblem.of(snapshot);
        List<Overlay> overlays = List.of(
                Overlay.tree("live", 0, SUBSTREAM, edges("origin", "c1", "c1", "d1", "d1", "d2")),
                Overlay.tree("live", 1, SUBSTREAM, edges("origin", "d2", "d2", "c1", "c1", "d1")));
        // the metrics multi-tree would report for these trees
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("interiorRelaxations", 1);
        reported.put("friendRelays", 0);
        reported.put("ejected", 0);
        Plan input = new Plan(null, snapshot.id(), 1, null, "by-hand", overlays, null, null, null, reported);

        Plan polished = LocalityPolish.polish(problem, input);

        assertValidWithTheSameServedSet(problem, input, polished);
        assertThat(polished.metrics()).containsEntry(LocalityPolish.STATUS, "polished");
        assertThat(peersWithChildrenInSeveralTrees(polished)).isNotEqualTo(1);
        assertThat(polished.metrics())
                .containsEntry("interiorRelaxations", peersWithChildrenInSeveralTrees(polished))
                .containsEntry("friendRelays", 0)
                .containsEntry("ejected", 0);
    }

    /** Tree edges given as parent, child, parent, child, ... (initiated by both ends). */
    private static List<Edge> edges(String... ends) {
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < ends.length; i += 2) {
            out.add(Edge.of(ends[i], ends[i + 1], Initiator.BOTH));
        }
        return out;
    }

    /** Peers (not the origin) that are parents in more than one tree of the plan's only channel. */
    private static int peersWithChildrenInSeveralTrees(Plan plan) {
        Map<String, Set<Integer>> trees = new TreeMap<>();
        for (Overlay overlay : plan.overlays()) {
            for (Edge edge : overlay.edges()) {
                trees.computeIfAbsent(edge.parent(), p -> new TreeSet<>())
                        .add(overlay.substream().orElseThrow());
            }
        }
        trees.remove("origin");
        return (int) trees.values().stream().filter(t -> t.size() > 1).count();
    }

    private static void assertValidWithTheSameServedSet(PlanningProblem problem, Plan input, Plan polished) {
        assertThat(PlanVerifier.verify(problem.routing(), polished, problem.compiled())
                        .violations())
                .isEmpty();
        assertThat(polished.unserved()).isEqualTo(input.unserved());
        assertThat(polished.overlays()).hasSameSizeAs(input.overlays());
        for (int o = 0; o < input.overlays().size(); o++) {
            Overlay before = input.overlays().get(o);
            Overlay after = polished.overlays().get(o);
            assertThat(after.substream()).isEqualTo(before.substream());
            assertThat(after.rateKbps()).isEqualTo(before.rateKbps());
            assertThat(children(after)).isEqualTo(children(before));
        }
    }

    private static Set<String> children(Overlay overlay) {
        Set<String> out = new TreeSet<>();
        overlay.edges().forEach(e -> out.add(e.child()));
        return out;
    }

    private static Set<String> interiorPeers(Plan plan, int overlay) {
        Set<String> out = new TreeSet<>();
        plan.overlays().get(overlay).edges().stream()
                .map(Edge::parent)
                .filter(p -> !p.equals("origin"))
                .forEach(out::add);
        return out;
    }

    /** The generated four-tier network of 200 peers, k = 4, seed 1. */
    private static PlanningProblem fourTier200() {
        return PlanningProblem.of(
                GeneratedInstance.of(CapacityMix.FOUR_TIER, 200, 4, 0, 1).build());
    }
}
