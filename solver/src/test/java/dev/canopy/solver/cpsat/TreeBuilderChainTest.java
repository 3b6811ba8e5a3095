package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.solver.PlanningProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A chain whose hops need the same arc twice: the tree builder must go on to the next chain
 * breadth first. Three relay classes of one region, A before Q before B in class order, and a
 * source elsewhere. The solution: source to a1, a1 to b1, b1 to a2 and to q1 (all through the
 * region's hub), a2 and q1 each to a leaf of another region. The greedy feeds a1 from the
 * source, then spends a1's edge on q1 (Q is reached first) and stalls: b1 and a2 can be fed only
 * through the hub, and no member of A or B that could send into it is connected. Spliced into
 * a1 to q1, the chain through A's own waiting relay a2 needs A's one edge into the hub twice; the
 * chain through B fits (a1 to b1 to q1), and the rest follows (homogeneous 2,000 peers, k = 8,
 * seed 24, stalled so).
 */
class TreeBuilderChainTest {
    @Test
    void triesTheNextChainWhenTheShortestNeedsAnArcTwice() {
        PlanningProblem problem = HandMadeSolutions.network();
        PeerClasses pc = PeerClasses.of(problem);
        ChannelGraph graph = ChannelGraph.of(pc, 0);
        Found f = find(pc, graph).orElseThrow();
        int a1 = pc.members[f.a][0];
        int a2 = pc.members[f.a][1];
        int b1 = pc.members[f.b][0];
        int q1 = pc.members[f.q][0];
        int z1 = pc.members[f.z][0];
        int z2 = pc.members[f.z][1];
        int source = pc.members[f.source][0];
        long[] units = new long[graph.arcs()];
        HandMadeSolutions.add(units, graph.route(f.source, f.a), 1);
        HandMadeSolutions.add(units, graph.route(f.a, f.b), 1);
        HandMadeSolutions.add(units, graph.route(f.b, f.a), 1);
        HandMadeSolutions.add(units, graph.route(f.b, f.q), 1);
        HandMadeSolutions.add(units, graph.route(f.a, f.z), 1);
        HandMadeSolutions.add(units, graph.route(f.q, f.z), 1);
        int nodes = problem.index().nodeCount();
        boolean[] holds = new boolean[nodes];
        long[] budget = new long[nodes];
        for (int node : new int[] {a1, a2, b1, q1, z1, z2}) {
            holds[node] = true;
        }
        budget[source] = 1;
        budget[a1] = 1;
        budget[a2] = 1;
        budget[b1] = 2;
        budget[q1] = 1;

        TreeBuilder builder = new TreeBuilder(pc, graph, units, holds, budget, new long[nodes]);

        assertThat(builder.run()).isTrue();
        assertThat(builder.children()).containsExactlyInAnyOrder(a1, a2, b1, q1, z1, z2);
        for (int e = 0; e < builder.children().length; e++) {
            int child = builder.children()[e];
            int parentClass = pc.classOf[builder.parents()[e]];
            if (child == b1) {
                assertThat(parentClass).isEqualTo(f.a);
            } else if (child == q1 || pc.classOf[child] == f.a && builder.parents()[e] != source) {
                assertThat(parentClass).isEqualTo(f.b);
            }
        }
    }

    /** Classes of the network in the roles above. */
    private record Found(int a, int q, int b, int source, int z) {}

    private static Optional<Found> find(PeerClasses pc, ChannelGraph graph) {
        for (int region : IntStream.of(pc.region).distinct().sorted().toArray()) {
            List<Integer> relays = new ArrayList<>();
            for (int g = 0; g < pc.count; g++) {
                if (pc.region[g] == region && relayClass(pc, graph, g)) {
                    relays.add(g);
                }
            }
            if (relays.size() < 3 || pc.size(relays.get(0)) < 2) {
                continue;
            }
            int a = relays.get(0);
            int q = relays.get(1);
            int b = relays.get(2);
            Optional<Integer> source = IntStream.range(0, pc.count)
                    .filter(g -> graph.source[g] && pc.region[g] != region && graph.route(g, a).length > 0)
                    .boxed()
                    .findFirst();
            Optional<Integer> z = IntStream.range(0, pc.count)
                    .filter(g -> graph.holder[g] && !graph.source[g] && pc.region[g] != region && pc.size(g) >= 2)
                    .filter(g -> graph.route(a, g).length > 0 && graph.route(q, g).length > 0)
                    .boxed()
                    .findFirst();
            if (source.isPresent() && z.isPresent()) {
                return Optional.of(new Found(a, q, b, source.get(), z.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean relayClass(PeerClasses pc, ChannelGraph graph, int g) {
        return graph.sender[g]
                && graph.holder[g]
                && !graph.source[g]
                && !pc.representative[g].has(Limit.ACCESS_LIST)
                && !pc.representative[g].isLightweight()
                && graph.route(g, g).length == 2;
    }
}
