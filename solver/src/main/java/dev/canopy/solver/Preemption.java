package dev.canopy.solver;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.compile.TierPriority;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * priority with {@code preempt: true}: once a strategy has planned, a node of a higher tier that
 * is unserved (for capacity, a policy that refused it every parent, or ejection; never a bar)
 * may displace a served node of a lower tier that is a leaf (it feeds no one in the channel):
 * the higher node takes the lower one's parents, substream by substream, where the gate admits
 * the edge for it (hard filters, its max-depth bound, capacities and caps); when that gives it
 * the substreams it needs, the lower node loses them and is listed unserved with reason {@code
 * policy} naming the priority policy; otherwise nothing changes. Candidates are tried lowest
 * tier first, those of the higher node's own region before others (same routes, so the same
 * caps), at most {@value #TRIES} of each.
 *
 * <p>The displaced node is not re-placed: its parents are taken, and a strategy that could
 * re-place it would have served it in the first place with what is left. Without such a policy
 * nothing is done. Works on the plan's edges through {@link PlanAssembler}, reserving through
 * the call's {@link PolicyGate}, so any strategy can run it last. Stateless.
 */
public final class Preemption {
    /** Lower-tier leaves tried per unserved node, in its region and elsewhere. */
    static final int TRIES = 64;

    private Preemption() {}

    /**
     * Unserved higher-tier nodes displace lower-tier leaves in every channel (see the type's
     * contract); run by {@link FinishingPasses#apply} after dual-ingress domains are settled.
     *
     * @return how many nodes were displaced
     */
    static int apply(PolicyGate gate, PlanAssembler plan) {
        if (!gate.active()) {
            return 0;
        }
        Optional<TierPriority> priority = gate.policies().priority().filter(TierPriority::preempt);
        if (priority.isEmpty()) {
            return 0;
        }
        SnapshotIndex index = gate.resources().routing().index();
        int displaced = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            displaced += new ChannelPass(gate, plan, priority.get(), c).run();
        }
        return displaced;
    }

    /** Preemption in one channel. */
    private static final class ChannelPass {
        private final PolicyGate gate;
        private final PlanAssembler plan;
        private final TierPriority priority;
        private final SnapshotIndex index;
        private final int channel;
        private final int k;
        private final long rate;
        private int[][] parents;
        private boolean[] relays;

        ChannelPass(PolicyGate gate, PlanAssembler plan, TierPriority priority, int channel) {
            this.gate = gate;
            this.plan = plan;
            this.priority = priority;
            this.index = gate.resources().routing().index();
            this.channel = channel;
            this.k = index.channel(channel).substreams();
            this.rate = index.channel(channel).substreamRateKbps();
        }

        int run() {
            List<Integer> high = unservedHigh();
            if (high.isEmpty()) {
                return 0;
            }
            parents = plan.parents(channel);
            relays = new boolean[index.nodeCount()];
            for (int[] tree : parents) {
                for (int p : tree) {
                    if (p >= 0) {
                        relays[p] = true;
                    }
                }
            }
            List<Integer> lows = leaves();
            Map<Integer, List<Integer>> byRegion = new HashMap<>();
            for (int low : lows) {
                byRegion.computeIfAbsent(index.regionOf(low), r -> new ArrayList<>())
                        .add(low);
            }
            high.sort((a, b) -> Integer.compare(rank(a), rank(b)));
            Set<Integer> gone = new HashSet<>();
            int displaced = 0;
            for (int h : high) {
                List<Integer> local = byRegion.getOrDefault(index.regionOf(h), List.of());
                int low = displace(h, local, gone);
                if (low < 0) {
                    low = displace(h, lows, gone);
                }
                if (low >= 0) {
                    gone.add(low);
                    displaced++;
                }
            }
            return displaced;
        }

        /** The channel's unserved nodes with nothing received that no bar keeps from it. */
        private List<Integer> unservedHigh() {
            List<Integer> out = new ArrayList<>();
            String id = index.channel(channel).id();
            for (Unserved u : plan.unservedEntries()) {
                if (u.channel().equals(id)
                        && u.receivedSubstreams() == 0
                        && (u.reason() == UnservedReason.CAPACITY
                                || u.reason() == UnservedReason.POLICY
                                || u.reason() == UnservedReason.EJECTED)) {
                    int node = index.nodeIndex(u.node()).orElseThrow();
                    if (gate.barred(node, channel).isEmpty()) {
                        out.add(node);
                    }
                }
            }
            return out;
        }

        /** Served peers of the channel that feed no one, lowest tier first, then node order. */
        private List<Integer> leaves() {
            Set<String> listed = new HashSet<>();
            String id = index.channel(channel).id();
            for (Unserved u : plan.unservedEntries()) {
                if (u.channel().equals(id)) {
                    listed.add(u.node());
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < index.nodeCount(); i++) {
                Node n = index.node(i);
                if (!relays[i]
                        && !index.isSource(channel, i)
                        && !n.role().isServer()
                        && received(i) > 0
                        && !listed.contains(n.id())) {
                    out.add(i);
                }
            }
            out.sort((a, b) -> rank(a) != rank(b) ? Integer.compare(rank(b), rank(a)) : Integer.compare(a, b));
            return out;
        }

        private int rank(int node) {
            return priority.rank(index.node(node).tier());
        }

        private int received(int node) {
            int got = 0;
            for (int[] tree : parents) {
                got += tree[node] >= 0 ? 1 : 0;
            }
            return got;
        }

        /** Tries up to {@link #TRIES} lower-tier leaves of a list; the one displaced, or -1. */
        private int displace(int high, List<Integer> lows, Set<Integer> gone) {
            int tries = 0;
            for (int low : lows) {
                if (rank(low) <= rank(high) || tries >= TRIES) {
                    return -1;
                }
                if (gone.contains(low) || low == high) {
                    continue;
                }
                tries++;
                if (takeOver(high, low)) {
                    return low;
                }
            }
            return -1;
        }

        /** Moves the low node's parents to the high one if that serves it; whether it did. */
        private boolean takeOver(int high, int low) {
            int total = parents.length;
            for (int s = 0; s < total; s++) {
                if (parents[s][low] >= 0) {
                    gate.release(parents[s][low], low, channel, s, rate);
                }
            }
            boolean[] moved = new boolean[total];
            int got = 0;
            for (int s = 0; s < total; s++) {
                int p = parents[s][low];
                if (p >= 0
                        && gate.admits(p, high, channel)
                        && gate.depthAllows(depth(s, p), high, channel)
                        && gate.fits(p, high, channel, s, rate)) {
                    gate.reserve(p, high, channel, s, rate);
                    moved[s] = true;
                    got++;
                }
            }
            if (!gate.enoughSubstreams(high, channel, k, got)) {
                for (int s = 0; s < total; s++) {
                    if (moved[s]) {
                        gate.release(parents[s][low], high, channel, s, rate);
                    }
                    if (parents[s][low] >= 0) {
                        gate.reserve(parents[s][low], low, channel, s, rate);
                    }
                }
                return false;
            }
            for (int s = 0; s < total; s++) {
                int p = parents[s][low];
                if (p < 0) {
                    continue;
                }
                plan.replaceEdge(
                        channel, s, p, low, moved[s] ? high : -1, Pairing.initiator(index.node(p), index.node(high)));
                parents[s][high] = moved[s] ? p : -1;
                parents[s][low] = -1;
            }
            plan.withdrawUnserved(high, channel);
            plan.unserved(
                    low,
                    channel,
                    UnservedReason.POLICY,
                    Optional.of(priority.policy().id()),
                    0);
            return true;
        }

        /** Hops from a source to the node in a substream's tree. */
        private int depth(int substream, int node) {
            int hops = 0;
            for (int v = node;
                    v >= 0 && !index.isSource(channel, v) && hops <= parents[substream].length;
                    v = parents[substream][v]) {
                hops++;
            }
            return hops;
        }
    }
}
