package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.Route;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyCases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Local repair keeps the hard policy caps: the session's ledger follows every attach and detach. */
class ReplanPolicyCapsTest {
    /** r2 hangs off r1 by l12; a (r2) relays to b and c, which cannot relay. */
    private static Snapshot behindOneLink() {
        return SnapshotBuilder.create("caps")
                .region("r1")
                .region("r2")
                .link("l12", "r1", "r2", 10)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 10000)
                .peer("a", "r2", 3000, "live")
                .peer("b", "r2", 0, "live")
                .peer("c", "r2", 0, "live")
                .build();
    }

    private static final String ONE_COPY_OVER_L12 =
            """
              - id: l12-one-copy
                kind: link-cap
                link: l12
                maxKbps: 1000
            """;

    private static ReplanSession session(Snapshot snapshot, PolicyDocument policies) {
        return ReplanSession.start(
                PlanningProblem.of(snapshot, policies, PlanOptions.defaults()), ReplanOptions.defaults());
    }

    private static void assertVerifies(ReplanSession session, PolicyDocument policies, Object after) {
        assertThat(PlanVerifier.verify(session.snapshot(), session.plan(), policies)
                        .violations())
                .as("after %s", after)
                .isEmpty();
    }

    private static long served(Plan plan, String... nodes) {
        return List.of(nodes).stream()
                .filter(n -> plan.unserved().stream().noneMatch(u -> u.node().equals(n)))
                .count();
    }

    @Test
    void repairFeedsOnlyOneOrphanOverTheCappedLink() {
        PolicyDocument policies = PolicyCases.document(ONE_COPY_OVER_L12);
        ReplanSession session = session(behindOneLink(), policies);
        Events.Fail fail = new Events.Fail(session.now().plusSeconds(1), "a");

        session.apply(fail);

        assertVerifies(session, policies, fail);
        assertThat(served(session.plan(), "b", "c")).isEqualTo(1);
    }

    @Test
    void withoutThePolicyRepairFeedsBothOverTheLink() {
        PolicyDocument none = PolicyCases.document("  []\n");
        ReplanSession session = session(behindOneLink(), none);

        session.apply(new Events.Fail(session.now().plusSeconds(1), "a"));

        assertThat(served(session.plan(), "b", "c")).isEqualTo(2);
    }

    /**
     * A generated network, its busiest link capped at half the traffic the unconstrained plan
     * puts on it; peers fail, leave and come back, and edges congest (joins of new nodes are
     * covered by ReplanJoinPolicyTest). Every plan verifies under
     * the cap.
     */
    @Property(tries = 15)
    void everyRepairedPlanKeepsALinkCap(@ForAll long seed) {
        Snapshot snapshot = NetworkGenerator.generate(
                GeneratorOptions.defaults(120).withSeed(seed).withContinents(2).withId("caps-prop"));
        PolicyDocument policies = PolicyCases.document(busiestLinkCap(snapshot));
        ReplanSession session = session(snapshot, policies);
        assertVerifies(session, policies, "start");
        Random random = new Random(seed);
        List<Node> away = new ArrayList<>();
        Instant at = session.now();
        for (int step = 0; step < 30; step++) {
            at = at.plusSeconds(7);
            Event event = nextEvent(session, away, random, at);

            session.apply(event);

            assertVerifies(session, policies, event);
        }
    }

    /** A link-cap on the link that carries most of the unconstrained plan's traffic, at half of it. */
    private static String busiestLinkCap(Snapshot snapshot) {
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan plan = ReplanOptions.defaults().strategy().plan(problem);
        long[] load = new long[snapshot.links().size()];
        for (Overlay overlay : plan.overlays()) {
            for (Edge edge : overlay.edges()) {
                Route route = problem.routing()
                        .routeBetweenNodes(
                                problem.index().nodeIndex(edge.parent()).getAsInt(),
                                problem.index().nodeIndex(edge.child()).getAsInt());
                for (int h = 0; h < route.hops(); h++) {
                    load[route.link(h)] += overlay.rateOf(edge);
                }
            }
        }
        int busiest = 0;
        for (int l = 1; l < load.length; l++) {
            busiest = load[l] > load[busiest] ? l : busiest;
        }
        return """
                  - id: busiest-half
                    kind: link-cap
                    link: %s
                    maxKbps: %d
                """
                .formatted(
                        snapshot.links().get(busiest).id(),
                        load[busiest] / 2 + snapshot.links().get(busiest).loadKbps());
    }

    /** A fail, leave, return of a node that left (the same record), or congestion on a plan edge. */
    private static Event nextEvent(ReplanSession session, List<Node> away, Random random, Instant at) {
        int kind = random.nextInt(100);
        if (kind < 20 && !away.isEmpty()) {
            return new Events.Join(at, away.remove(random.nextInt(away.size())));
        }
        List<Overlay> trees = session.plan().overlays();
        if (kind < 45 && !trees.isEmpty()) {
            Overlay tree = trees.get(random.nextInt(trees.size()));
            Edge edge = tree.edges().get(random.nextInt(tree.edges().size()));
            return new Events.Congestion(
                    at,
                    edge.parent(),
                    edge.child(),
                    tree.channel(),
                    0,
                    OptionalInt.of(tree.substream().orElse(0)));
        }
        List<Node> peers = session.snapshot().nodes().stream()
                .filter(n -> n.role() == Role.PEER)
                .toList();
        Node peer = peers.get(random.nextInt(peers.size()));
        away.add(peer);
        return kind < 70 ? new Events.Leave(at, peer.id()) : new Events.Fail(at, peer.id());
    }
}
