package dev.canopy.solver.replan;

import dev.canopy.model.Channel;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a session's state as a plan in {@link dev.canopy.model.diff.PlanDiff#canonical canonical}
 * order (channels by id, trees by substream, edges by child id, unserved entries by channel then
 * node), so that diffs between the session's plans apply exactly. Linear in nodes and edges apart
 * from sorting.
 */
final class PlanWriter {
    /** The strategy name session plans carry. */
    static final String STRATEGY = "replan";

    private PlanWriter() {}

    static Plan write(State state, long version) {
        Network net = state.net;
        Forest forest = state.forest;
        Integer[] channels = new Integer[net.channelCount()];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = c;
        }
        java.util.Arrays.sort(channels, Comparator.comparing(c -> net.channel(c).id()));
        List<Overlay> overlays = new ArrayList<>();
        List<Unserved> unserved = new ArrayList<>();
        for (int c : channels) {
            Channel channel = net.channel(c);
            for (int t = forest.first(c); t < forest.end(c); t++) {
                List<Edge> edges = new ArrayList<>();
                for (int i = 0; i < net.size(); i++) {
                    int parent = forest.parent(t, i);
                    if (parent >= 0) {
                        edges.add(Edge.of(net.node(parent).id(), net.node(i).id(), forest.initiator(t, i)));
                    }
                }
                if (!edges.isEmpty()) {
                    edges.sort(Comparator.comparing(Edge::child));
                    overlays.add(Overlay.tree(channel.id(), forest.substream(t), state.rate(c), edges));
                }
            }
            List<Unserved> entries = new ArrayList<>();
            for (int i = 0; i < net.size(); i++) {
                state.entry(c, i).ifPresent(entries::add);
            }
            entries.sort(Comparator.comparing(Unserved::node));
            unserved.addAll(entries);
        }
        return new Plan(
                Plan.FORMAT,
                net.index().snapshot().id(),
                version,
                Optional.of(net.now()),
                STRATEGY,
                overlays,
                List.of(),
                unserved,
                List.of(),
                Map.of());
    }
}
