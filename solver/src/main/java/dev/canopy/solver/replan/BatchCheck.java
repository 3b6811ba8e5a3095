package dev.canopy.solver.replan;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a batch of events against the network before any is applied, so that a rejected batch
 * changes nothing: events in time order (not before the session's time), nodes present when
 * named (joins of absent ones), known regions, channels, links and substreams, and no removal of
 * a channel's source. Linear in the batch.
 */
final class BatchCheck {
    private BatchCheck() {}

    static void check(Network net, List<? extends Event> batch) {
        SnapshotIndex index = net.index();
        Map<String, Boolean> presence = new HashMap<>();
        Instant now = net.now();
        for (int i = 0; i < batch.size(); i++) {
            Event event = batch.get(i);
            String where = "event " + (i + 1) + " (" + event.type() + " at " + event.at() + "): ";
            if (event.at().isBefore(now)) {
                throw new ReplanException(i, where + "out of order: the network is already at " + now);
            }
            now = event.at();
            if (event instanceof Events.Join join) {
                Node node = join.node();
                if (present(net, presence, node.id())) {
                    throw new ReplanException(i, where + "node \"" + node.id() + "\" has already joined");
                }
                if (index.regionIndex(node.region()).isEmpty()) {
                    throw new ReplanException(i, where + "unknown region \"" + node.region() + "\"");
                }
                for (String channel : node.wants()) {
                    requireChannel(index, channel, i, where);
                }
                presence.put(node.id(), true);
            } else if (event instanceof Events.Leave leave) {
                remove(net, presence, leave.node(), i, where);
            } else if (event instanceof Events.Fail fail) {
                remove(net, presence, fail.node(), i, where);
            } else if (event instanceof Events.Congestion congestion) {
                requireNode(net, presence, congestion.parent(), i, where);
                requireNode(net, presence, congestion.child(), i, where);
                int c = requireChannel(index, congestion.channel(), i, where);
                int total = index.channel(c).totalSubstreams();
                if (congestion.substream().isPresent()
                        && (congestion.substream().getAsInt() < 0
                                || congestion.substream().getAsInt() >= total)) {
                    throw new ReplanException(
                            i, where + "channel \"" + congestion.channel() + "\" has substreams 0.." + (total - 1));
                }
            } else if (event instanceof Events.Capacity capacity) {
                requireNode(net, presence, capacity.node(), i, where);
                if (capacity.uplinkKbps() < 0 || capacity.downlinkKbps().orElse(0) < 0) {
                    throw new ReplanException(i, where + "capacities must be at least 0");
                }
            } else if (event instanceof Events.LinkChange link) {
                if (index.linkIndex(link.link()).isEmpty()) {
                    throw new ReplanException(i, where + "unknown link \"" + link.link() + "\"");
                }
            } else if (event instanceof Events.Want want) {
                requireNode(net, presence, want.node(), i, where);
                requireChannel(index, want.channel(), i, where);
            }
        }
    }

    private static boolean present(Network net, Map<String, Boolean> presence, String id) {
        Boolean changed = presence.get(id);
        return changed != null ? changed : net.presentNode(id).isPresent();
    }

    private static void requireNode(Network net, Map<String, Boolean> presence, String id, int i, String where) {
        if (!present(net, presence, id)) {
            throw new ReplanException(
                    i,
                    where + "unknown node \"" + id + "\" (not in the network"
                            + (net.known(id).isPresent() ? " any more" : "") + ")");
        }
    }

    private static void remove(Network net, Map<String, Boolean> presence, String id, int i, String where) {
        requireNode(net, presence, id, i, where);
        net.known(id).ifPresent(n -> {
            if (n < net.index().nodeCount() && net.sourceOf(n).length > 0) {
                throw new ReplanException(
                        i,
                        where + "node \"" + id + "\" is a source of channel \""
                                + net.channel(net.sourceOf(n)[0]).id() + "\" and cannot be removed");
            }
        });
        presence.put(id, false);
    }

    private static int requireChannel(SnapshotIndex index, String id, int i, String where) {
        return index.channelIndex(id)
                .orElseThrow(() -> new ReplanException(i, where + "unknown channel \"" + id + "\""));
    }
}
