package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.solver.PlanningProblem;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Relays that hold one substream each: a class R with nothing served relays substream 0 to as
 * many nodes as its first member has slots and substream 1 to as many as its second has. Given
 * every substream, the first member cannot send both; the realizer then spreads the holdings
 * (substream 0 to the first member, 1 to the second) and realises the solution exactly (as the
 * critical family's class solutions need, where the {@link InboundCuts} count one inbound edge
 * per relay).
 */
class RealizerHoldingsTest {
    @Test
    void spreadsTheHoldingsOfRelaysWhenTheTopNodesCannotSendEverySubstream() {
        PlanningProblem problem = HandMadeSolutions.network();
        PeerClasses pc = PeerClasses.of(problem);
        ChannelGraph graph = ChannelGraph.of(pc, 0);
        Found f = find(pc, graph).orElseThrow();
        long first = slots(pc, f.relays, 0);
        long second = slots(pc, f.relays, 1);
        int substreams = problem.index().channel(0).totalSubstreams();
        long[][][] x = new long[1][substreams][graph.arcs()];
        HandMadeSolutions.add(x[0][0], graph.route(f.source, f.relays), 1);
        HandMadeSolutions.add(x[0][0], graph.route(f.relays, f.leaves), first);
        HandMadeSolutions.add(x[0][1], graph.route(f.source, f.relays), 1);
        HandMadeSolutions.add(x[0][1], graph.route(f.relays, f.leaves), second);

        Realizer.Result result = new Realizer(pc, new ChannelGraph[] {graph}, new long[1][pc.count], x).run();

        assertThat(result.complete()).isTrue();
        int top = pc.members[f.relays][0];
        int next = pc.members[f.relays][1];
        assertThat(result.received()[0][top]).isEqualTo(1);
        assertThat(result.received()[0][next]).isEqualTo(1);
        long children =
                result.trees().stream().mapToLong(t -> t.children().length).sum();
        assertThat(children).isEqualTo(2 + first + second);
    }

    /** A relay class of two or more regular members fed by a source, and a class it can feed with room for all. */
    private record Found(int relays, int source, int leaves) {}

    private static Optional<Found> find(PeerClasses pc, ChannelGraph graph) {
        for (int r = 0; r < pc.count; r++) {
            int relays = r;
            if (!graph.sender[r]
                    || !graph.holder[r]
                    || graph.source[r]
                    || pc.size(r) < 2
                    || pc.representative[r].isLightweight()
                    || pc.downlink[r] >= 0
                    || slots(pc, r, 1) < 1) {
                continue;
            }
            long need = slots(pc, r, 0) + slots(pc, r, 1);
            Optional<Integer> source = IntStream.range(0, pc.count)
                    .filter(g -> graph.source[g] && graph.route(g, relays).length > 0)
                    .boxed()
                    .findFirst();
            Optional<Integer> leaves = IntStream.range(0, pc.count)
                    .filter(g -> g != relays && graph.holder[g] && !graph.source[g] && pc.size(g) >= need)
                    .filter(g -> pc.downlink[g] < 0 && graph.route(relays, g).length > 0)
                    .boxed()
                    .findFirst();
            if (source.isPresent() && leaves.isPresent()) {
                return Optional.of(new Found(r, source.get(), leaves.get()));
            }
        }
        return Optional.empty();
    }

    private static long slots(PeerClasses pc, int g, int t) {
        return pc.prefix[g][t + 1] - pc.prefix[g][t];
    }
}
