package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.Ingress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Takes one channel out of a dual-ingress domain that could not get its two copies ({@link
 * IngressShortfall}): every member (but a source) loses every edge of the channel, and is listed
 * unserved with reason {@code policy} naming the dual-ingress policy when it wants the channel
 * (a member already listed for a bar keeps that entry).
 *
 * <p>Outside nodes that a member fed lose that substream; each such orphan is moved, with its
 * subtree, to the nearest holder (lowest routing latency, then shallowest, then node order)
 * that the gate admits and has room for, within every max-depth bound of the subtree (the
 * channel's and the policies'). An orphan left without a parent hands its own children on as
 * orphans; when it wants the channel and no longer has the substreams it needs (or was already
 * listed, so its count would change), it gives back every edge of the channel and is listed
 * unserved with the reason the gate gives ({@code capacity}, or the policy that refused it).
 *
 * <p>Keeps the caller's per-substream parent arrays ({@link PlanAssembler#parents}) in step with
 * the plan. Candidate searches scan all nodes (a walk to the root each), which is affordable
 * because a cut is rare and its orphans few. One use, not thread-safe.
 */
final class DomainCut {
    private final PolicyGate gate;
    private final PlanAssembler plan;
    private final Ingress rule;
    private final SnapshotIndex index;
    private final Routing routing;
    private final int channel;
    private final int[][] parents;
    private final long rate;
    private final int k;
    private final int channelDepth;
    private final boolean[] cut;
    /** Orphans to settle: node, substream, the parent that no longer holds the substream. */
    private final ArrayDeque<int[]> orphans = new ArrayDeque<>();

    DomainCut(PolicyGate gate, PlanAssembler plan, Ingress rule, int channel, int[][] parents) {
        this.gate = gate;
        this.plan = plan;
        this.rule = rule;
        this.routing = gate.resources().routing();
        this.index = routing.index();
        this.channel = channel;
        this.parents = parents;
        this.rate = index.channel(channel).substreamRateKbps();
        this.k = index.channel(channel).substreams();
        this.channelDepth = index.channel(channel).maxDepth().orElse(Integer.MAX_VALUE);
        this.cut = new boolean[index.nodeCount()];
    }

    void run() {
        for (int v = 0; v < cut.length; v++) {
            cut[v] = rule.members().matches(v) && !index.isSource(channel, v);
        }
        for (int s = 0; s < parents.length; s++) {
            for (int v = 0; v < cut.length; v++) {
                if (cut[v] && parents[s][v] >= 0) {
                    removeEdge(s, v);
                }
            }
        }
        for (int s = 0; s < parents.length; s++) {
            for (int w = 0; w < cut.length; w++) {
                int p = parents[s][w];
                if (p >= 0 && cut[p]) {
                    orphans.add(new int[] {w, s, p});
                }
            }
        }
        String policy = rule.policy().id();
        for (int v = 0; v < cut.length; v++) {
            if (cut[v] && index.wants(channel, v) && !listedForBar(v)) {
                relist(v, new PolicyGate.Unserved(UnservedReason.POLICY, Optional.of(policy)));
            }
        }
        while (!orphans.isEmpty()) {
            int[] o = orphans.poll();
            settle(o[0], o[1], o[2]);
        }
    }

    /** Gives the orphan a new parent for the substream, or lets it lose the substream. */
    private void settle(int w, int s, int oldParent) {
        if (parents[s][w] != oldParent) {
            return; // given up meanwhile
        }
        gate.release(oldParent, w, channel, s, rate);
        parents[s][w] = -1;
        gate.clearRefusal(w);
        int h = newParent(w, s);
        if (h >= 0) {
            gate.reserve(h, w, channel, s, rate);
            plan.reparent(channel, s, oldParent, w, h, Pairing.initiator(index.node(h), index.node(w)));
            parents[s][w] = h;
            return;
        }
        plan.removeEdge(channel, s, oldParent, w);
        handOn(w, s);
        if (!index.wants(channel, w) || index.isSource(channel, w)) {
            return;
        }
        boolean listed = listing(w).isPresent();
        if (!listed && held(w) >= gate.substreamsNeeded(w, channel, k)) {
            return;
        }
        for (int t = 0; t < parents.length; t++) {
            if (parents[t][w] >= 0) {
                removeEdge(t, w);
                handOn(w, t);
            }
        }
        relist(w, gate.unservedReason(w, UnservedReason.CAPACITY));
    }

    /** Removes the edge into the node in a substream, giving its capacity back. */
    private void removeEdge(int s, int v) {
        int p = parents[s][v];
        gate.release(p, v, channel, s, rate);
        plan.removeEdge(channel, s, p, v);
        parents[s][v] = -1;
    }

    /** Queues the node's children in a substream it no longer holds. */
    private void handOn(int v, int s) {
        for (int w = 0; w < cut.length; w++) {
            if (parents[s][w] == v && !cut[w]) {
                orphans.add(new int[] {w, s, v});
            }
        }
    }

    /**
     * The nearest admitted holder of the substream with room for the orphan and its subtree, or
     * -1. The orphan is detached, so nodes of its own subtree do not hold the substream.
     */
    private int newParent(int w, int s) {
        int slack = depthSlack(w, s);
        int best = -1;
        long bestLatency = Long.MAX_VALUE;
        int bestDepth = Integer.MAX_VALUE;
        for (int h = 0; h < cut.length; h++) {
            if (h == w || cut[h]) {
                continue;
            }
            int depth = depth(s, h);
            if (depth < 0 || depth + 1 > slack) {
                continue;
            }
            long latency = routing.latencyMicros(index.regionOf(h), index.regionOf(w));
            if (latency > bestLatency || (latency == bestLatency && depth >= bestDepth)) {
                continue;
            }
            if (gate.admits(h, w, channel)
                    && gate.depthAllows(depth, w, channel)
                    && gate.fits(h, w, channel, s, rate)) {
                best = h;
                bestLatency = latency;
                bestDepth = depth;
            }
        }
        return best;
    }

    /**
     * The deepest the orphan itself may be so that every node of its subtree stays within its
     * bound: the least over the subtree of (bound - hops below the orphan).
     */
    private int depthSlack(int w, int s) {
        int[] below = new int[cut.length];
        Arrays.fill(below, -1);
        below[w] = 0;
        int slack = bound(w);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int y = 0; y < cut.length; y++) {
                int p = parents[s][y];
                if (below[y] < 0 && p >= 0 && below[p] >= 0) {
                    below[y] = below[p] + 1;
                    slack = Math.min(slack, bound(y) - below[y]);
                    grew = true;
                }
            }
        }
        return slack;
    }

    private int bound(int node) {
        return Math.min(channelDepth, gate.depthBound(node, channel));
    }

    /** Hops from a source to the node in the substream's tree, or -1 when it does not hold it. */
    private int depth(int s, int node) {
        int hops = 0;
        int v = node;
        while (!index.isSource(channel, v)) {
            v = parents[s][v];
            if (v < 0 || ++hops > cut.length) {
                return -1;
            }
        }
        return hops;
    }

    private int held(int node) {
        int got = 0;
        for (int[] tree : parents) {
            got += tree[node] >= 0 ? 1 : 0;
        }
        return got;
    }

    private Optional<Unserved> listing(int node) {
        String n = index.node(node).id();
        String c = index.channel(channel).id();
        return plan.unservedEntries().stream()
                .filter(u -> u.node().equals(n) && u.channel().equals(c))
                .findFirst();
    }

    private boolean listedForBar(int node) {
        return listing(node)
                .map(u -> u.reason() == UnservedReason.GEO_BAN || u.reason() == UnservedReason.DENY)
                .orElse(false);
    }

    private void relist(int node, PolicyGate.Unserved why) {
        plan.withdrawUnserved(node, channel);
        plan.unserved(node, channel, why.reason(), why.policy(), 0);
    }
}
