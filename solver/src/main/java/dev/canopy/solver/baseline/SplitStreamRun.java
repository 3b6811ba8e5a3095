package dev.canopy.solver.baseline;

import dev.canopy.model.Node;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.DeferredJoins;
import dev.canopy.solver.Holdings;
import dev.canopy.solver.JoinOrder;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.SubstreamJoin;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * SplitStream's joins for one channel (see {@link SplitStreamStrategy} for the rules and how
 * they differ from the paper): assigns each relaying peer the stripe it is interior in, joins
 * the receivers one by one, and writes the stripe trees into the plan. Every change a join
 * makes is logged in a {@link JoinLog}, so that a node that ends with fewer than k stripes
 * takes back all of it, push-downs included. Not thread-safe: one per channel of one call.
 */
final class SplitStreamRun extends ChannelJoins {
    /** Interior in every stripe: sources and relaying servers. */
    static final int ALL = -2;

    /** Interior in no stripe: lightweight peers and peers that cannot send one stripe. */
    static final int LEAF = -1;

    /** Random draws in one region before its holders are scanned. */
    private static final int DRAWS = 4;

    /** How many of a full parent's non-interior children a push-down tries to move. */
    private static final int VICTIMS = 2;

    /** Longest push-down descent below the first target. */
    private static final int DESCENT = 64;

    private final Routing routing;
    private final int[] regionOf;
    private final long[] counters;
    private final StripeForest forest;
    private final int[] primary;
    private final HolderPools interiorWithRoom;
    private final HolderPools spareCapacity;
    private final HolderPools interior;
    private final IntPredicate[] holding;
    private final IntPredicate[] withRoom;
    private final JoinLog log = new JoinLog();

    /** {@code counters}: [push-downs, spare-capacity edges], added to across channels. */
    SplitStreamRun(
            Routing routing,
            PolicyGate gate,
            PlanAssembler plan,
            SplittableRandom random,
            NodeKeys keys,
            long[] counters,
            int c) {
        super(routing, gate, plan, random, c);
        this.routing = routing;
        this.regionOf = keys.region();
        this.counters = counters;
        this.forest = new StripeForest(total, index.nodeCount());
        this.primary = StripeAssignment.assign(index, resources, c, random);
        this.interiorWithRoom = new HolderPools(total, keys.regions(), regionOf, keys.lightweight());
        this.spareCapacity = new HolderPools(total, keys.regions(), regionOf, keys.lightweight());
        this.interior = new HolderPools(total, keys.regions(), regionOf, keys.lightweight());
        this.holding = new IntPredicate[total];
        this.withRoom = new IntPredicate[total];
        for (int s = 0; s < total; s++) {
            int stripe = s;
            holding[s] = p -> holdings.holds(stripe, p);
            withRoom[s] = p -> holdings.holds(stripe, p) && resources.uplink(p) >= rate;
        }
    }

    void run() {
        for (int source : index.sources(channel)) {
            for (int s = 0; s < total; s++) {
                hold(s, source);
            }
        }
        log.clear();
        DeferredJoins deferred = new DeferredJoins(gate);
        for (int child : JoinOrder.serversThenShuffled(index, channel, random)) {
            join(child, deferred);
        }
        if (deferred.waiting() > 0) {
            deferred.retry(child -> join(child, deferred));
        }
        forest.emit(plan, index, channel);
    }

    /** The stripe a relaying peer is interior in, or {@link #ALL} or {@link #LEAF}. */
    int primary(int node) {
        return primary[node];
    }

    private boolean isInterior(int node, int stripe) {
        return primary[node] == stripe || primary[node] == ALL;
    }

    /**
     * Joins a node; whether it was served. A node that a pairing or affinity {@code only} policy
     * refused every parent waits until the others have joined ({@link DeferredJoins}): then it
     * is not listed, and false is returned.
     */
    private boolean join(int child, DeferredJoins deferred) {
        Node n = index.node(child);
        gate.clearRefusal(child);
        Optional<Policy> bar = gate.barred(child, channel);
        if (bar.isPresent()) {
            SubstreamJoin.listBarred(plan, child, channel, bar.get());
            return false;
        }
        if (!SubstreamJoin.downlinkFits(resources, child, k, rate)) {
            plan.unserved(child, channel, UnservedReason.CAPACITY, Optional.empty(), 0);
            return false;
        }
        int first = Math.max(primary[child], 0);
        int got = 0;
        for (int i = 0; i < total; i++) {
            int s = (first + i) % total;
            if (resources.downlink(child) >= rate && place(s, child, n)) {
                got++;
            }
        }
        boolean served = gate.enoughSubstreams(child, channel, k, got);
        if (!served) {
            rollback(0);
            if (!deferred.defer(child)) {
                PolicyGate.Unserved why = gate.unservedReason(child, holdings.reason(n));
                plan.unserved(child, channel, why.reason(), why.policy(), 0);
            }
        }
        log.clear();
        return served;
    }

    /**
     * Finds the node a parent in one stripe tree and attaches it; false if there is none. While
     * a dual-ingress domain of the node lacks a copy of the stripe, a parent outside that brings
     * one is looked for first ({@link PolicyGate#preferEntering}), among interior holders with
     * room and then the spare capacity group, before the usual search.
     */
    private boolean place(int s, int child, Node n) {
        if (!Holdings.restricted(n) && gate.entryPending(child, channel, s)) {
            int entering = gate.preferEntering(child, channel, s, () -> {
                int p = nearest(interiorWithRoom, s, child);
                return p >= 0 ? p : nearest(spareCapacity, s, child);
            });
            if (entering >= 0) {
                link(s, entering, child, true);
                hold(s, child);
                return true;
            }
        }
        int parent;
        boolean spare = true;
        if (Holdings.restricted(n)) {
            parent = allowedParent(s, child, n);
        } else {
            parent = nearest(interiorWithRoom, s, child);
            if (parent < 0 && isInterior(child, s) && pushDown(s, child)) {
                return true;
            }
            spare = parent < 0;
            if (spare) {
                parent = nearest(spareCapacity, s, child);
            }
        }
        if (parent < 0) {
            return false;
        }
        link(s, parent, child, spare);
        hold(s, child);
        return true;
    }

    /** The nearest holder in the pools (own region first, then by latency) that may take {@code x}, or -1. */
    private int nearest(HolderPools pools, int s, int x) {
        IntPredicate accept = q -> acceptable(s, q, x);
        for (int region : regions.nearest(regionOf[x])) {
            int any = pools.anyOpen(s, region, true, withRoom[s]);
            if (any < 0 || !resources.pathHas(any, x, rate)) {
                continue;
            }
            int p = pools.draw(s, region, true, random, DRAWS, true, withRoom[s], accept);
            if (p >= 0) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Whether {@code q} may send stripe {@code s} to {@code x}: rules and policies, room and
     * policy caps, no cycle, the channel's depth and {@code x}'s max-depth bound (applied to
     * the deepest node of its subtree, which moves with it).
     */
    private boolean acceptable(int s, int q, int x) {
        return q != x
                && admitted(s, q, x)
                && !forest.isWithin(s, q, x)
                && (maxDepth == Integer.MAX_VALUE || forest.depth(s, q) + 1 + forest.height(s, x) <= maxDepth);
    }

    private boolean admitted(int s, int q, int x) {
        return gate.admits(q, x, channel)
                && gate.fits(q, x, channel, s, rate)
                && gate.depthAllows(forest.depth(s, q) + forest.height(s, x), x, channel);
    }

    /**
     * Push-down for a newcomer interior in the stripe when no interior node has room: from the
     * nearest interior holder downwards (to the child nearest the newcomer each time), the first
     * full parent with a child that is not interior in the stripe adopts the newcomer and
     * orphans that child, which re-joins below the parent's interior children (the newcomer
     * among them) or else in the spare capacity group; a parent with room on the way adopts the
     * newcomer outright.
     */
    private boolean pushDown(int s, int child) {
        int target = -1;
        for (int region : regions.nearest(regionOf[child])) {
            target = interior.anyOpen(s, region, true, holding[s]);
            if (target >= 0) {
                break;
            }
        }
        for (int level = 0; target >= 0 && level < DESCENT; level++) {
            if (displace(s, target, child)) {
                return true;
            }
            target = nearestInteriorChild(s, target, child, u -> true);
            if (target >= 0 && withRoom[s].test(target) && acceptable(s, target, child)) {
                link(s, target, child, false);
                hold(s, child);
                return true;
            }
        }
        return false;
    }

    /** Tries to give {@code child} the place of one of {@code parent}'s non-interior children. */
    private boolean displace(int s, int parent, int child) {
        int[] victims = new int[VICTIMS];
        int count = 0;
        for (int v = forest.firstChild(s, parent); v >= 0 && count < VICTIMS; v = forest.nextSibling(s, v)) {
            if (!isInterior(v, s)) {
                victims[count++] = v;
            }
        }
        for (int i = 0; i < count; i++) {
            int orphan = victims[i];
            int mark = log.size();
            unlink(s, parent, orphan);
            if (admitted(s, parent, child)) {
                link(s, parent, child, false);
                hold(s, child);
                int adopter = newParent(s, parent, orphan);
                if (adopter >= 0) {
                    link(s, adopter, orphan, true);
                    log.add(JoinLog.PUSH_DOWN, s, parent, orphan);
                    counters[0]++;
                    return true;
                }
            }
            rollback(mark);
        }
        return false;
    }

    /** Where an orphan goes: the nearest interior child of its old parent with room, else the spare capacity group. */
    private int newParent(int s, int parent, int orphan) {
        int best = nearestInteriorChild(s, parent, orphan, u -> withRoom[s].test(u) && acceptable(s, u, orphan));
        return best >= 0 ? best : nearest(spareCapacity, s, orphan);
    }

    /**
     * Among the parent's children interior in the stripe that pass {@code ok}, the nearest to
     * {@code to} by routing latency (the first in list order on ties), or -1.
     */
    private int nearestInteriorChild(int s, int parent, int to, IntPredicate ok) {
        int best = -1;
        long bestLatency = Long.MAX_VALUE;
        for (int u = forest.firstChild(s, parent); u >= 0; u = forest.nextSibling(s, u)) {
            if (isInterior(u, s) && ok.test(u)) {
                long latency = routing.latencyMicros(regionOf[u], regionOf[to]);
                if (latency < bestLatency) {
                    bestLatency = latency;
                    best = u;
                }
            }
        }
        return best;
    }

    /** For a child whose access list keeps it from ordinary peers: the nearest allowed holder with room. */
    private int allowedParent(int s, int child, Node n) {
        int best = -1;
        long bestLatency = Long.MAX_VALUE;
        for (int p : holdings.accessCandidates(s, n)) {
            if (withRoom[s].test(p) && acceptable(s, p, child)) {
                long latency = routing.latencyMicros(regionOf[p], regionOf[child]);
                if (latency < bestLatency) {
                    bestLatency = latency;
                    best = p;
                }
            }
        }
        return best;
    }

    /**
     * Adds an edge. One found outside the interior search ({@code viaSpare}: the spare capacity
     * group, an orphan's new parent, an access list) whose parent is not interior in the stripe
     * is counted as a spare capacity edge.
     */
    private void link(int s, int parent, int child, boolean viaSpare) {
        boolean spare = viaSpare && !isInterior(parent, s);
        gate.reserve(parent, child, channel, s, rate);
        forest.attach(s, parent, child);
        log.add(spare ? JoinLog.ATTACH_SPARE : JoinLog.ATTACH, s, parent, child);
        if (spare) {
            counters[1]++;
        }
    }

    private void unlink(int s, int parent, int child) {
        gate.release(parent, child, channel, s, rate);
        forest.detach(s, child);
        log.add(JoinLog.DETACH, s, parent, child);
        offerHeld(parent);
    }

    private void hold(int s, int node) {
        holdings.add(s, node, 0);
        offer(s, node);
        log.add(JoinLog.HOLD, s, -1, node);
    }

    /** Takes back every change logged after {@code mark}, newest first. */
    private void rollback(int mark) {
        while (log.size() > mark) {
            log.pop();
            int s = log.stripe();
            int parent = log.parent();
            int node = log.node();
            switch (log.kind()) {
                case JoinLog.ATTACH, JoinLog.ATTACH_SPARE -> {
                    gate.release(parent, node, channel, s, rate);
                    forest.detach(s, node);
                    offerHeld(parent);
                    if (log.kind() == JoinLog.ATTACH_SPARE) {
                        counters[1]--;
                    }
                }
                case JoinLog.DETACH -> {
                    gate.reserve(parent, node, channel, s, rate);
                    forest.attach(s, parent, node);
                }
                case JoinLog.HOLD -> holdings.remove(s, node);
                default -> counters[0]--;
            }
        }
    }

    /** Lists a holder in the pools it belongs to: interior ones, and those with room. */
    @Override
    void offer(int s, int node) {
        if (primary[node] == LEAF) {
            return;
        }
        boolean inside = isInterior(node, s);
        if (inside) {
            interior.offer(s, node);
        }
        if (resources.uplink(node) >= rate) {
            spareCapacity.offer(s, node);
            if (inside) {
                interiorWithRoom.offer(s, node);
            }
        }
    }
}
