package dev.canopy.solver.replan;

import dev.canopy.model.Link;
import dev.canopy.model.Node;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.routing.Route;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.solver.Resources;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Applies one checked event to a session's state by local repair (see {@link Repair}). A leave
 * and a failure are repaired alike: the node's edges go, and each child is re-attached with its
 * subtree, the one with the most uplink left first in the node's place. Runs in time
 * proportional to the edges the event touches, except a link event, which looks at every edge
 * for those that cross the link. Not thread-safe.
 */
final class EventHandler {
    private final State state;
    private final Repair repair;

    EventHandler(State state, Repair repair) {
        this.state = state;
        this.repair = repair;
    }

    void apply(Event event) {
        state.net.advance(event.at());
        if (event instanceof Events.Join join) {
            join(join.node());
        } else if (event instanceof Events.Leave leave) {
            remove(node(leave.node()));
        } else if (event instanceof Events.Fail fail) {
            remove(node(fail.node()));
        } else if (event instanceof Events.Congestion congestion) {
            congestion(congestion);
        } else if (event instanceof Events.Capacity capacity) {
            capacity(capacity);
        } else if (event instanceof Events.LinkChange link) {
            link(link);
        } else if (event instanceof Events.Want want) {
            want(want);
        }
        // policies and tick change no edge here: the session stores the document and decides
        // whether to re-plan in full at the end of the batch
        repair.run();
    }

    private int node(String id) {
        return state.net.presentNode(id).orElseThrow();
    }

    private void join(Node node) {
        int region = state.net.index().regionIndex(node.region()).orElseThrow();
        int i = state.join(node, region);
        for (int c = 0; c < state.net.channelCount(); c++) {
            serve(c, i, true);
        }
    }

    /** Gives a receiver the substreams it lacks: promoted in its home tree when high-quality. */
    private void serve(int c, int node, boolean joining) {
        if (!state.net.receiver(c, node)) {
            return;
        }
        Optional<Policy> bar = state.barred(c, node);
        if (bar.isPresent()) {
            state.setReason(c, node, CompiledPolicies.reasonFor(bar.get()));
            return;
        }
        Forest forest = state.forest;
        int k = state.net.channel(c).substreams();
        int home = forest.first(c) + node % k;
        if (joining && repair.highQuality(node, c) && forest.parent(home, node) < 0) {
            repair.promote(home, node);
        }
        for (int t = forest.first(c); t < forest.end(c) && state.received(c, node) < k; t++) {
            if (forest.parent(t, node) < 0 && !repair.place(t, node, -1)) {
                repair.orphan(t, node, -1);
                repair.run();
            }
        }
    }

    private void remove(int node) {
        // out of the queue of uplink left first: its edges going would only move it up there
        state.spare.remove(node);
        for (int t = 0; t < state.forest.trees(); t++) {
            dropTree(t, node);
        }
        state.leave(node);
    }

    /**
     * The node stops receiving a tree's substream; its children there become orphans, except the
     * one with the most uplink left, which takes the node's place under its parent when it may
     * (the others often find room under it, no deeper than before).
     */
    private void dropTree(int tree, int node) {
        int parent = state.forest.parent(tree, node);
        if (parent >= 0) {
            state.detach(tree, node);
        }
        int[] children = state.forest.childrenCopy(tree, node);
        int successor = -1;
        for (int child : children) {
            state.detach(tree, child);
            if (successor < 0 || state.ledger.uplink(child) > state.ledger.uplink(successor)) {
                successor = child;
            }
        }
        boolean succeeded = parent >= 0 && successor >= 0 && state.mayParent(tree, parent, successor);
        if (succeeded) {
            state.attach(tree, successor, parent);
        }
        for (int child : children) {
            if (!succeeded || child != successor) {
                repair.orphan(tree, child, -1);
            }
        }
    }

    private void congestion(Events.Congestion event) {
        int parent = node(event.parent());
        int child = node(event.child());
        int c = state.net.index().channelIndex(event.channel()).orElseThrow();
        Forest forest = state.forest;
        for (int t = forest.first(c); t < forest.end(c); t++) {
            boolean named = event.substream().isEmpty() || event.substream().getAsInt() == forest.substream(t);
            if (named && forest.parent(t, child) == parent) {
                state.detach(t, child);
                if (!repair.place(t, child, parent)) {
                    state.attach(t, child, parent);
                }
            }
        }
    }

    private void capacity(Events.Capacity event) {
        int node = node(event.node());
        Node record = state.net.node(node);
        state.ledger.adjustUplink(node, event.uplinkKbps() - record.uplinkKbps());
        state.spare.changed(node);
        Node changed = record.withUplinkKbps(event.uplinkKbps());
        if (event.downlinkKbps().isPresent()) {
            long old = record.downlinkKbps().orElse(Resources.unbounded());
            state.ledger.adjustDownlink(node, event.downlinkKbps().getAsLong() - old);
            changed = changed.withDownlinkKbps(event.downlinkKbps());
        }
        state.net.replace(node, changed);
        for (int t = 0; t < state.forest.trees() && state.ledger.uplink(node) < 0; t++) {
            for (int child : state.forest.childrenCopy(t, node)) {
                if (state.ledger.uplink(node) >= 0) {
                    break;
                }
                state.detach(t, child);
                repair.orphan(t, child, -1);
            }
        }
        for (int t = state.forest.trees() - 1; t >= 0 && state.ledger.downlink(node) < 0; t--) {
            if (state.forest.parent(t, node) >= 0) {
                dropTree(t, node);
                state.setReason(state.forest.channel(t), node, UnservedReason.CAPACITY);
            }
        }
    }

    private void link(Events.LinkChange event) {
        int l = state.net.index().linkIndex(event.link()).orElseThrow();
        Link old = state.net.link(l);
        OptionalLong capacity = event.capacityKbps();
        long load = event.loadKbps().orElse(old.loadKbps());
        Link changed =
                new Link(old.id(), old.a(), old.b(), old.kind(), capacity, old.latencyMs(), load, old.monthToDateGb());
        state.adjustLink(l, base(changed) - base(old));
        state.net.replaceLink(l, changed);
        if (state.ledger.linkSpare(l, true) >= 0 && state.ledger.linkSpare(l, false) >= 0) {
            return;
        }
        Forest forest = state.forest;
        for (int t = 0; t < forest.trees(); t++) {
            for (int child = 0; child < state.net.size(); child++) {
                int parent = forest.parent(t, child);
                if (parent >= 0 && crossesOverfull(parent, child, l)) {
                    state.detach(t, child);
                    repair.orphan(t, child, -1);
                }
            }
        }
    }

    private static long base(Link link) {
        return link.capacityKbps().isPresent()
                ? link.capacityKbps().getAsLong() - link.loadKbps()
                : Resources.unbounded();
    }

    /** Whether the edge's route uses the link in a direction that is over its capacity. */
    private boolean crossesOverfull(int parent, int child, int link) {
        Route route = state.ledger.route(parent, child);
        for (int i = 0; i < route.hops(); i++) {
            if (route.link(i) == link && state.ledger.linkSpare(link, route.aToB(i)) < 0) {
                return true;
            }
        }
        return false;
    }

    private void want(Events.Want event) {
        int node = node(event.node());
        int c = state.net.index().channelIndex(event.channel()).orElseThrow();
        if (state.net.wants(c, node) == event.on()) {
            return;
        }
        state.touchPair(c, node);
        int before = state.countIfUnserved(c, node);
        if (!event.on()) {
            for (int t = state.forest.first(c); t < state.forest.end(c); t++) {
                dropTree(t, node);
            }
        }
        before = event.on() ? before : state.countIfUnserved(c, node);
        state.net.want(c, node, event.on());
        state.adjustUnserved(state.countIfUnserved(c, node) - before);
        if (event.on()) {
            serve(c, node, false);
        }
    }
}
