package dev.canopy.solver.polish;

import dev.canopy.model.Channel;
import dev.canopy.model.Link;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan's tree overlays into a {@link PolishSolution}: one attachment per tree edge (in the
 * plan's order of overlays and edges, which {@link PlanRewrite} relies on), one holder per node
 * of each tree, and what the other overlays leave of uplinks and capped links. A peer may be a
 * parent in the trees of a channel where it has children in the input, or, if it has none there,
 * in any one of them; other roles in every tree; always only if it may relay and has the uplink
 * for one child. Depth bound per tree: the channel's {@code maxDepth}, else the deepest of the
 * channel's input trees. Not thread-safe: one per polish.
 */
final class PolishSolutionBuilder {
    /** The search's start, or why the plan's trees cannot be polished. */
    record Built(PolishSolution forest, String refusal) {
        static Built refused(String reason) {
            return new Built(null, reason);
        }

        boolean ok() {
            return forest != null;
        }
    }

    private final SnapshotIndex index;
    private final Routing routing;
    private final Plan plan;
    private final long[] fixedSent;
    private final boolean[] capped;
    private final long[][] fixedLink;
    /** Per (node, channel): the trees (overlay numbers) where the node has children. */
    private final Map<Long, BitSet> interior = new HashMap<>();

    private PolishSolutionBuilder(Routing routing, Plan plan) {
        this.index = routing.index();
        this.routing = routing;
        this.plan = plan;
        fixedSent = new long[index.nodeCount()];
        capped = new boolean[index.linkCount()];
        fixedLink = new long[index.linkCount()][2];
        for (int l = 0; l < capped.length; l++) {
            capped[l] = index.link(l).capacityKbps().isPresent();
        }
    }

    static Built build(Routing routing, Plan plan) {
        return new PolishSolutionBuilder(routing, plan).build();
    }

    private Built build() {
        List<Overlay> overlays = plan.overlays();
        int[][] parents = new int[overlays.size()][];
        int[][] children = new int[overlays.size()][];
        for (int o = 0; o < overlays.size(); o++) {
            Overlay overlay = overlays.get(o);
            int n = overlay.edges().size();
            parents[o] = new int[n];
            children[o] = new int[n];
            for (int e = 0; e < n; e++) {
                Edge edge = overlay.edges().get(e);
                parents[o][e] = index.nodeIndex(edge.parent()).orElseThrow();
                children[o][e] = index.nodeIndex(edge.child()).orElseThrow();
                if (overlay.kind() != OverlayKind.TREE) {
                    fixedSent[parents[o][e]] += overlay.rateOf(edge);
                    addLinkLoad(parents[o][e], children[o][e], overlay.rateOf(edge));
                } else {
                    int channel = index.channelIndex(overlay.channel()).orElseThrow();
                    interior.computeIfAbsent(key(parents[o][e], channel), k -> new BitSet())
                            .set(o);
                }
            }
        }
        Network network = network();
        Sender[] senders = new Sender[index.nodeCount()];
        List<Attachment> attachments = new ArrayList<>();
        List<Holder> holders = new ArrayList<>();
        List<Tree> trees = new ArrayList<>();
        int[] depthBounds = depthBounds(overlays, parents, children);
        if (depthBounds == null) {
            return Built.refused("a tree of the input has a cycle or a node with two parents");
        }
        Holder[] byNode = new Holder[index.nodeCount()];
        boolean[] inRange = new boolean[index.nodeCount()];
        for (int o = 0; o < overlays.size(); o++) {
            Overlay overlay = overlays.get(o);
            if (overlay.kind() != OverlayKind.TREE) {
                continue;
            }
            int channel = index.channelIndex(overlay.channel()).orElseThrow();
            Tree tree = new Tree(o, channel, depthBounds[o], index.regionCount(), network.countries());
            tree.index = trees.size();
            trees.add(tree);
            Arrays.fill(byNode, null);
            Arrays.fill(inRange, false);
            for (int e = 0; e < parents[o].length; e++) {
                for (int node : new int[] {parents[o][e], children[o][e]}) {
                    if (byNode[node] == null) {
                        byNode[node] = holder(senders, tree, node, channel);
                        byNode[node].id = holders.size();
                        inRange[node] = mayRelay(byNode[node], overlay.rateKbps());
                        if (inRange[node]) {
                            tree.add(byNode[node], network.country(index.regionOf(node)));
                        }
                        holders.add(byNode[node]);
                    }
                }
            }
            for (int e = 0; e < parents[o].length; e++) {
                Holder parent = byNode[parents[o][e]];
                Holder child = byNode[children[o][e]];
                if (!inRange[parents[o][e]]) {
                    inRange[parents[o][e]] = true;
                    tree.add(parent, network.country(index.regionOf(parents[o][e])));
                }
                Attachment attachment =
                        new Attachment(child, overlay.rateOf(overlay.edges().get(e)), network, parent);
                attachment.id = attachments.size();
                child.own = attachment;
                parent.children.add(attachment);
                attachments.add(attachment);
            }
            for (int a = attachments.size() - parents[o].length; a < attachments.size(); a++) {
                attachments.get(a).listCloser();
            }
        }
        return new Built(new PolishSolution(attachments, holders, trees), null);
    }

    /** A node's holder in a tree. */
    private Holder holder(Sender[] senders, Tree tree, int node, int channel) {
        Node model = index.node(node);
        if (senders[node] == null) {
            senders[node] = new Sender(node, model, model.uplinkKbps() - fixedSent[node]);
        }
        boolean fresh = model.role() == Role.PEER && !interior.containsKey(key(node, channel));
        return new Holder(senders[node], tree, index.regionOf(node), fresh);
    }

    /**
     * Whether a holder may be a parent in its tree: multi-tree's rule (a peer relays in the trees
     * where it has children, or if fresh in any one; other roles everywhere), it may relay, and
     * it has the uplink for one child.
     */
    private boolean mayRelay(Holder holder, long rateKbps) {
        Node model = holder.sender.model;
        boolean rule = model.role() != Role.PEER
                || holder.fresh
                || interior.get(key(holder.sender.node, holder.tree.channel)).get(holder.tree.id);
        return rule && model.canRelay() && holder.sender.budgetKbps >= rateKbps;
    }

    /**
     * Per tree overlay its depth bound; null if a tree has a node with two parents or a node no
     * root reaches.
     */
    private int[] depthBounds(List<Overlay> overlays, int[][] parents, int[][] children) {
        int[] deepest = new int[index.channelCount()];
        int[] parentOf = new int[index.nodeCount()];
        for (int o = 0; o < overlays.size(); o++) {
            if (overlays.get(o).kind() != OverlayKind.TREE) {
                continue;
            }
            Arrays.fill(parentOf, -1);
            for (int e = 0; e < parents[o].length; e++) {
                if (parentOf[children[o][e]] >= 0) {
                    return null;
                }
                parentOf[children[o][e]] = parents[o][e];
            }
            int channel = index.channelIndex(overlays.get(o).channel()).orElseThrow();
            for (int e = 0; e < parents[o].length; e++) {
                int d = depthOf(children[o][e], parentOf, parents[o].length);
                if (d < 0) {
                    return null;
                }
                deepest[channel] = Math.max(deepest[channel], d);
            }
        }
        int[] bounds = new int[overlays.size()];
        for (int o = 0; o < overlays.size(); o++) {
            if (overlays.get(o).kind() == OverlayKind.TREE) {
                int channel = index.channelIndex(overlays.get(o).channel()).orElseThrow();
                Channel model = index.channel(channel);
                bounds[o] = model.maxDepth().orElse(deepest[channel]);
            }
        }
        return bounds;
    }

    /** Hops from the root, walking up; -1 if the walk does not end within {@code limit} hops. */
    private static int depthOf(int node, int[] parentOf, int limit) {
        int d = 0;
        for (int at = node; parentOf[at] >= 0; at = parentOf[at]) {
            if (++d > limit) {
                return -1;
            }
        }
        return d;
    }

    private void addLinkLoad(int parent, int child, long kbps) {
        Route route = routing.route(index.regionOf(parent), index.regionOf(child));
        for (int i = 0; i < route.hops(); i++) {
            fixedLink[route.link(i)][route.aToB(i) ? 0 : 1] += kbps;
        }
    }

    private Network network() {
        long[][] spare = new long[capped.length][2];
        for (int l = 0; l < capped.length; l++) {
            Link link = index.link(l);
            if (capped[l]) {
                long free = link.capacityKbps().getAsLong() - link.loadKbps();
                spare[l][0] = free - fixedLink[l][0];
                spare[l][1] = free - fixedLink[l][1];
            }
        }
        return new Network(routing, capped, spare);
    }

    private long key(int node, int channel) {
        return (long) node * index.channelCount() + channel;
    }
}
