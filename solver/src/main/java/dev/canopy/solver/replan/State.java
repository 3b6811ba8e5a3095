package dev.canopy.solver.replan;

import dev.canopy.model.Channel;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.JoinablePolicies;
import dev.canopy.policies.compile.PolicyLedger;
import dev.canopy.policies.compile.Relaxations;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.Resources;
import dev.canopy.solver.multitree.Nearby;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The live plan of a session: the network, the trees, the capacity ledger and the queue of
 * uplink left, kept in step by {@link #attach} and {@link #detach}, which also record what they
 * touch in the journal. Per (channel, node): how many substreams the node receives, and why it is
 * unserved when it is. Not thread-safe.
 */
final class State {
    final Network net;
    final Resources ledger;
    final Forest forest;
    final SpareUplink spare;
    final Nearby nearby;
    final Routing routing;
    final Journal journal = new Journal();
    private final LinkRoom paths;
    private final long[] rate;
    private int[][] received;
    private byte[][] reason;
    private final int[] treeEdges;
    private int unservedPairs;
    private CompiledPolicies policies = CompiledPolicies.NONE;
    /** The session's own copy of the policies, which learns every node that joins. */
    private JoinablePolicies joinable = CompiledPolicies.NONE.joinable();
    /** The hard and soft caps' running totals over every edge. */
    private PolicyLedger caps = CompiledPolicies.NONE.ledger(Relaxations.none());

    State(Routing routing) {
        this.routing = routing;
        SnapshotIndex index = routing.index();
        this.net = new Network(index);
        this.ledger = new Resources(routing);
        this.paths = new LinkRoom(ledger, net);
        int channels = index.channelCount();
        int[] trees = new int[channels];
        rate = new long[channels];
        for (int c = 0; c < channels; c++) {
            trees[c] = index.channel(c).totalSubstreams();
            rate[c] = index.channel(c).substreamRateKbps();
        }
        int nodes = index.nodeCount();
        forest = new Forest(trees, nodes);
        treeEdges = new int[forest.trees()];
        received = new int[channels][Math.max(16, nodes)];
        reason = new byte[channels][Math.max(16, nodes)];
        spare = new SpareUplink(ledger, index.regionCount(), nodes);
        int[] servers = IntStream.range(0, nodes)
                .filter(i -> index.node(i).role() != Role.PEER)
                .toArray();
        nearby = new Nearby(
                index, routing, IntStream.range(0, index.regionCount()).toArray(), servers);
        for (int i = 0; i < nodes; i++) {
            if (index.node(i).canRelay()) {
                spare.add(i, net.region(i));
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < nodes; i++) {
                if (net.receiver(c, i)) {
                    unservedPairs++;
                }
            }
        }
    }

    /**
     * The operator's policies, compiled against this state's snapshot, whose bars, hard edge
     * filters, max-depth bounds and caps {@link #mayParent} and {@link #barred} apply. The state
     * keeps its own {@linkplain CompiledPolicies#joinable joinable} copy, which {@link #join}
     * teaches every node that joins, so joined nodes obey them like the snapshot's. The caps'
     * ledger starts from the edges the state holds now and then follows every {@link #attach}
     * and {@link #detach}. Nothing is set aside: a policy the full plan relaxed is strict in
     * repair.
     */
    void usePolicies(CompiledPolicies compiled) {
        joinable = compiled.joinable();
        for (int i = routing.index().nodeCount(); i < net.size(); i++) {
            joinable.learn(i, net.node(i), net.region(i));
        }
        policies = joinable.policies();
        caps = policies.ledger(Relaxations.none());
        for (int t = 0; t < forest.trees(); t++) {
            for (int child = 0; child < net.size(); child++) {
                int parent = forest.parent(t, child);
                if (parent >= 0) {
                    count(t, parent, child, 1);
                }
            }
        }
    }

    /** The policies in force in repair (the session's joinable copy). */
    CompiledPolicies policies() {
        return policies;
    }

    /** The hard caps' ledger, following every edge of the state. */
    PolicyLedger caps() {
        return caps;
    }

    /** Counts an edge in the caps' ledger ({@code sign} 1) or takes it back (-1). */
    private void count(int tree, int parent, int child, int sign) {
        if (policies.isEmpty()) {
            return;
        }
        int c = forest.channel(tree);
        int substream = forest.substream(tree);
        if (sign > 0) {
            caps.reserve(parent, child, c, substream, rate[c]);
        } else {
            caps.release(parent, child, c, substream, rate[c]);
        }
    }

    /** Whether a hard cap (link-cap, region-cap, serve-window share, ingress) refuses the edge. */
    private boolean capRefuses(int tree, int parent, int child) {
        if (caps.isUnbounded()) {
            return false;
        }
        int c = forest.channel(tree);
        return caps.exceeds(parent, child, c, forest.substream(tree), rate[c]).isPresent();
    }

    /** Whether the parent may send the channel to the child: the lightweight rules and the hard policy filters. */
    boolean admits(int parent, int child, int channel) {
        return net.mayPair(parent, child)
                && (policies.isEmpty()
                        || policies.forbidsEdge(parent, child, channel).isEmpty());
    }

    /** The hard geo-ban or deny policy that keeps the node from the channel, if any. */
    Optional<Policy> barred(int channel, int node) {
        return policies.isEmpty() ? Optional.empty() : policies.barred(node, channel);
    }

    /** Edges of a tree now. */
    int treeEdges(int tree) {
        return treeEdges[tree];
    }

    long rate(int channel) {
        return rate[channel];
    }

    int received(int channel, int node) {
        return received[channel][node];
    }

    boolean served(int channel, int node) {
        return net.isSource(channel, node)
                || received[channel][node] >= net.channel(channel).substreams();
    }

    /** Wanted (node, channel) pairs of present receivers; linear in nodes. */
    int wantedPairs() {
        int count = 0;
        for (int c = 0; c < net.channelCount(); c++) {
            for (int i = 0; i < net.size(); i++) {
                count += net.receiver(c, i) ? 1 : 0;
            }
        }
        return count;
    }

    /** Wanted (node, channel) pairs of present receivers that are not served. */
    int unservedPairs() {
        return unservedPairs;
    }

    UnservedReason reason(int channel, int node) {
        byte code = reason[channel][node];
        return code == 0 ? UnservedReason.CAPACITY : UnservedReason.values()[code - 1];
    }

    void setReason(int channel, int node, UnservedReason why) {
        touchPair(channel, node);
        reason[channel][node] = (byte) (why.ordinal() + 1);
    }

    /** The pair's unserved entry as the plan lists it, or empty when served or not wanted. */
    Optional<Unserved> entry(int channel, int node) {
        if (!net.receiver(channel, node) || served(channel, node)) {
            return Optional.empty();
        }
        int got = received[channel][node];
        UnservedReason why = got > 0 ? UnservedReason.DEGRADED : reason(channel, node);
        Optional<String> policy = why == UnservedReason.GEO_BAN || why == UnservedReason.DENY
                ? barred(channel, node).map(Policy::id)
                : Optional.empty();
        return Optional.of(
                new Unserved(net.node(node).id(), net.channel(channel).id(), why, policy, got));
    }

    /** Records the pair's entry before it changes (once per batch) and keeps the unserved count. */
    void touchPair(int channel, int node) {
        journal.pair(channel, node, () -> entry(channel, node));
    }

    /** Call before and after a change to a pair's wants or presence, to keep the unserved count. */
    int countIfUnserved(int channel, int node) {
        return net.receiver(channel, node) && !served(channel, node) ? 1 : 0;
    }

    void adjustUnserved(int delta) {
        unservedPairs += delta;
    }

    /** Adds a tree edge; the caller has checked that it may be added and fits. */
    void attach(int tree, int child, int parent) {
        attach(tree, child, parent, Pairing.initiator(net.node(parent), net.node(child)));
    }

    /** Adds a tree edge with a given initiator (a plan being loaded). */
    void attach(int tree, int child, int parent, Initiator opener) {
        int c = forest.channel(tree);
        touchPair(c, child);
        journal.edge(tree, child, -1, 0);
        journal.tree(tree, treeEdges[tree]);
        treeEdges[tree]++;
        int before = countIfUnserved(c, child);
        forest.link(tree, child, parent, opener);
        ledger.reserve(parent, child, rate[c]);
        count(tree, parent, child, 1);
        paths.loadsChanged();
        spare.changed(parent);
        received[c][child]++;
        unservedPairs += countIfUnserved(c, child) - before;
    }

    /** Removes the node's edge in a tree (it must have one); its children stay under it. */
    void detach(int tree, int child) {
        int c = forest.channel(tree);
        int parent = forest.parent(tree, child);
        touchPair(c, child);
        journal.edge(tree, child, parent, forest.initiator(tree, child).ordinal());
        journal.tree(tree, treeEdges[tree]);
        treeEdges[tree]--;
        int before = countIfUnserved(c, child);
        forest.unlink(tree, child);
        ledger.release(parent, child, rate[c]);
        count(tree, parent, child, -1);
        paths.loadsChanged();
        spare.changed(parent);
        received[c][child]--;
        unservedPairs += countIfUnserved(c, child) - before;
    }

    /** The node's depth in the tree when it hangs under a source without passing {@code avoid}; else -1. */
    int rootedDepth(int tree, int node, int avoid) {
        return forest.rootedDepth(tree, node, avoid, net.sources(forest.channel(tree)));
    }

    /**
     * Whether {@code parent} may take {@code child} in the tree now: a present relaying node that
     * holds the substream (rooted at a source, not under the child), may pair with it (the
     * lightweight rules and the hard policy filters, joined nodes included), has the capacity on uplink, the child's downlink and the path, fits
     * the hard policy caps, and keeps the channel's maxDepth and the child's max-depth policy
     * bound.
     */
    boolean mayParent(int tree, int parent, int child) {
        return parentDepth(tree, parent, child) >= 0;
    }

    /**
     * The parent's depth in the tree (hops from a source) when it {@linkplain #mayParent may
     * take} the child, else -1: one walk up the tree answers both. The cheap checks (presence,
     * uplink and downlink left, pairing) come first; the path's links and the walk last.
     */
    int parentDepth(int tree, int parent, int child) {
        return parentDepth(tree, parent, child, Integer.MAX_VALUE);
    }

    /**
     * {@link #parentDepth}, and -1 as well when the parent is deeper than {@code deepest}, which
     * the walk up stops at: a caller that has a candidate at some depth needs only shallower ones.
     */
    int parentDepth(int tree, int parent, int child, int deepest) {
        int c = forest.channel(tree);
        long kbps = rate[c];
        if (parent == child
                || !net.present(parent)
                || ledger.uplink(parent) < kbps
                || ledger.downlink(child) < kbps
                || !admits(parent, child, c)
                || !paths.has(parent, child, kbps)
                || capRefuses(tree, parent, child)) {
            return -1;
        }
        int depth = forest.rootedDepth(tree, parent, child, net.sources(c), deepest);
        if (depth < 0) {
            return -1;
        }
        if (!policies.isEmpty()
                && policies.maxDepth(child, c).isPresent()
                && depth + 1 > policies.maxDepth(child, c).getAsInt()) {
            return -1;
        }
        Channel channel = net.channel(c);
        if (channel.maxDepth().isPresent()) {
            int room = channel.maxDepth().getAsInt() - depth - 1;
            if (room < 0 || forest.height(tree, child, room) > room) {
                return -1;
            }
        }
        return depth;
    }

    /** Changes a link's capacity left in both directions (a link event). */
    void adjustLink(int link, long deltaKbps) {
        ledger.adjustLink(link, deltaKbps);
        paths.loadsChanged();
    }

    /** Adds a node that joined (or came back), with its capacities, to every structure. */
    int join(Node node, int region) {
        int number = net.known(node.id()).orElse(net.size());
        for (int c = 0; c < net.channelCount(); c++) {
            journal.pair(c, number, Optional::empty);
        }
        int i = net.join(node, region);
        if (!policies.isEmpty()) {
            joinable.learn(i, node, region);
        }
        if (i >= ledger.nodeCount()) {
            ledger.addNode(region, node.uplinkKbps(), node.downlinkKbps());
        } else {
            ledger.setRegion(i, region);
            ledger.adjustUplink(i, node.uplinkKbps() - ledger.uplink(i));
            ledger.adjustDownlink(i, node.downlinkKbps().orElse(Resources.unbounded()) - ledger.downlink(i));
        }
        grow(net.size());
        if (node.canRelay()) {
            spare.add(i, region);
        }
        for (int c = 0; c < net.channelCount(); c++) {
            unservedPairs += countIfUnserved(c, i);
        }
        return i;
    }

    /** Takes a node out after its edges are gone; its capacities return to nothing. */
    void leave(int node) {
        for (int c = 0; c < net.channelCount(); c++) {
            touchPair(c, node);
            unservedPairs -= countIfUnserved(c, node);
            reason[c][node] = 0;
        }
        spare.remove(node);
        ledger.adjustUplink(node, -ledger.uplink(node));
        ledger.adjustDownlink(node, -ledger.downlink(node));
        net.leave(node);
    }

    /** Edge of a tree in plan form, or empty. */
    Optional<Edge> edge(int tree, int child, int parent, Initiator opener) {
        if (parent < 0) {
            return Optional.empty();
        }
        return Optional.of(Edge.of(net.node(parent).id(), net.node(child).id(), opener));
    }

    private void grow(int nodes) {
        forest.grow(nodes);
        int capacity = nodes + (nodes >> 1);
        for (int c = 0; c < received.length; c++) {
            if (received[c].length < nodes) {
                received[c] = Arrays.copyOf(received[c], capacity);
                reason[c] = Arrays.copyOf(reason[c], capacity);
            }
        }
    }
}
