package dev.canopy.solver.multitree;

import dev.canopy.model.Channel;
import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Who takes part in one channel's trees, and with how many slots: a node of uplink budget u
 * sends at most floor(u / substream rate) copies of a substream. Per node a set of flags
 * (source, receiver, server, lightweight, restricted by an access list, may relay, ejected),
 * its slots and how many of the channel's trees it joins (fewer than all only when its
 * downlink cannot take every substream). Receivers that no rate could serve (downlink below
 * k substreams, an access list naming nobody who takes part, a lightweight node with no
 * regular sender) are set aside here with their reason, as are receivers a hard policy bars
 * from the channel (after relaxable bars are set aside for them) and, under a hard redundancy
 * policy, receivers that could not join the k + parity trees their region asks for (reason
 * {@code policy}).
 *
 * <p>Arrays are indexed by node number; not thread-safe, one per channel run.
 */
final class ChannelMembers {
    static final int SOURCE = 1;
    static final int RECEIVER = 2;
    static final int SERVER = 4;
    static final int LIGHT = 8;
    static final int RESTRICTED = 16;
    static final int RELAY = 32;
    static final int EJECTED = 64;
    static final int SET_ASIDE = 128;

    final SnapshotIndex index;
    final int channel;
    final Channel spec;
    /** k: substreams needed to be served. */
    final int k;
    /** Trees built: k for multi-tree, k + n for coded (fewer if the sources cannot root them all). */
    final int trees;
    /** Rate of one substream, kbps. */
    final long rate;

    final int[] flags;
    final int[] slots;
    final int[] joins;
    /** Why a set-aside receiver is not served. */
    final UnservedReason[] setAside;
    /** The id of the policy that set a receiver aside, or null. */
    final String[] setAsidePolicy;
    /** Per tier ordinal: its rank in the priority order (0 first). */
    private final int[] tierRank;
    /** Per node: its tier's ordinal (read once here, so that orderings need not read the node). */
    private final byte[] tier;
    /** Receivers of the channel (sources excluded), in node order, set-aside ones included. */
    final int[] receivers;
    /** Sources and server receivers (origin, CDN, waypoint) in node order. */
    final int[] servers;
    /**
     * Per region: whether receivers there sit in a domain a dual-ingress policy asks two copies
     * into, so that its trees are built after the other regions' (whose peers bring the copies).
     */
    final boolean[] awaitsEntry;

    private ChannelMembers(PolicyGate gate, SnapshotIndex index, int channel, int wantedTrees, long[] budget) {
        this.index = index;
        this.channel = channel;
        this.spec = index.channel(channel);
        this.k = spec.substreams();
        this.rate = spec.substreamRateKbps();
        int n = index.nodeCount();
        flags = new int[n];
        slots = new int[n];
        joins = new int[n];
        setAside = new UnservedReason[n];
        setAsidePolicy = new String[n];
        tier = new byte[n];
        tierRank = tierRanks(gate.policies());
        receivers = receivers(index, channel);
        int[] sources = index.sources(channel);
        long sourceSlots = 0;
        int serverCount = 0;
        for (int s : sources) {
            Node node = index.node(s);
            tier[s] = (byte) node.tier().ordinal();
            flags[s] = SOURCE | SERVER | (node.canRelay() ? RELAY : 0) | (node.isLightweight() ? LIGHT : 0);
            slots[s] = node.canRelay() ? slotsOf(budget[s]) : 0;
            sourceSlots += slots[s];
            serverCount++;
        }
        this.trees = (int) Math.max(Math.min(wantedTrees, sourceSlots), Math.min(k, wantedTrees));
        for (int s : sources) {
            joins[s] = trees;
        }
        for (int r : receivers) {
            Node node = index.node(r);
            tier[r] = (byte) node.tier().ordinal();
            int f = RECEIVER;
            f |= node.role().isServer() ? SERVER : 0;
            f |= node.isLightweight() ? LIGHT : 0;
            f |= node.has(Limit.ACCESS_LIST) ? RESTRICTED : 0;
            f |= node.canRelay() ? RELAY : 0;
            flags[r] = f;
            slots[r] = node.canRelay() ? slotsOf(budget[r]) : 0;
            long down = node.downlinkKbps().orElse(Long.MAX_VALUE);
            joins[r] = (int) Math.min(trees, down / rate);
            if ((f & SERVER) != 0) {
                serverCount++;
            }
        }
        servers = new int[serverCount];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if ((flags[i] & SERVER) != 0) {
                servers[at++] = i;
            }
        }
        setAsideHopeless(sourceSlots);
        awaitsEntry = new boolean[gate.active() ? index.regionCount() : 0];
        if (gate.active()) {
            setAsideByPolicy(gate);
            for (int r : receivers) {
                awaitsEntry[index.regionOf(r)] |= gate.entryPending(r, channel, 0);
            }
        }
    }

    /** Receivers a hard policy bars, and those that cannot join the trees their region's parity asks for. */
    private void setAsideByPolicy(PolicyGate gate) {
        for (int r : receivers) {
            Optional<Policy> bar = gate.barredAfterRelaxing(r, channel);
            if (bar.isPresent()) {
                setAside(r, CompiledPolicies.reasonFor(bar.get()));
                setAsidePolicy[r] = bar.get().id();
                continue;
            }
            OptionalInt parity = gate.policies().parity(r, channel);
            Optional<Policy> redundancy = gate.policies().parityPolicy(r, channel);
            if (parity.isPresent()
                    && redundancy.get().isHard()
                    && !has(r, SET_ASIDE)
                    && Math.min(trees, joins[r]) < k + parity.getAsInt()
                    && !gate.relaxations().isLifted(r, channel, redundancy.get())) {
                setAside(r, UnservedReason.POLICY);
                setAsidePolicy[r] = redundancy.get().id();
            }
        }
    }

    /** Each tier's place in the priority policy's order, or the natural order without one. */
    private static int[] tierRanks(CompiledPolicies policies) {
        Tier[] tiers = Tier.values();
        int[] rank = new int[tiers.length];
        Integer[] order = new Integer[tiers.length];
        for (int t = 0; t < tiers.length; t++) {
            order[t] = t;
        }
        policies.priority()
                .ifPresent(p -> Arrays.sort(order, (a, b) -> Integer.compare(p.rank(tiers[a]), p.rank(tiers[b]))));
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    /**
     * Members of a channel with each node's slots taken from its uplink budget for the channel.
     *
     * @param wantedTrees k or k + n
     * @param budget per node, kbps of uplink this channel may use
     */
    static ChannelMembers of(PolicyGate gate, int channel, int wantedTrees, long[] budget) {
        return new ChannelMembers(gate, gate.resources().routing().index(), channel, wantedTrees, budget);
    }

    /** Nodes that want the channel and are not its sources, in node order (without boxing). */
    static int[] receivers(SnapshotIndex index, int channel) {
        return IntStream.range(0, index.nodeCount())
                .filter(i -> index.wants(channel, i) && !index.isSource(channel, i))
                .toArray();
    }

    /**
     * Per node the uplink a channel may use, kbps: what the channels planned before left of it,
     * less what {@code reservedLater} keeps for the channels planned after.
     */
    static long[] budgets(SnapshotIndex index, Resources resources, long[] reservedLater) {
        int n = index.nodeCount();
        long[] budget = new long[n];
        for (int i = 0; i < n; i++) {
            budget[i] = Math.max(0, resources.uplink(i) - reservedLater[i]);
        }
        return budget;
    }

    private int slotsOf(long budgetKbps) {
        return (int) Math.min(Integer.MAX_VALUE / 4, Math.max(0, budgetKbps) / rate);
    }

    /** Receivers no plan could serve at this rate or any: set aside with the reason. */
    private void setAsideHopeless(long sourceSlots) {
        boolean regularSender = false;
        for (int i = 0; i < flags.length && !regularSender; i++) {
            regularSender = (flags[i] & (RELAY | LIGHT)) == RELAY && (flags[i] & (SOURCE | RECEIVER)) != 0;
        }
        for (int r : receivers) {
            int f = flags[r];
            if (sourceSlots < k || joins[r] < k) {
                setAside(r, UnservedReason.CAPACITY);
            } else if ((f & RESTRICTED) != 0 && !anyAllowed(r)) {
                setAside(r, UnservedReason.ACCESS_LIST);
            } else if ((f & LIGHT) != 0 && !regularSender) {
                setAside(r, UnservedReason.NO_COMPATIBLE_SOURCE);
            }
        }
    }

    private void setAside(int node, UnservedReason reason) {
        flags[node] |= SET_ASIDE;
        setAside[node] = reason;
    }

    /** Whether a restricted receiver's access list admits any relaying member of the channel. */
    private boolean anyAllowed(int node) {
        Node child = index.node(node);
        for (int s : servers) {
            if (Pairing.canPair(index.node(s), child)) {
                return true;
            }
        }
        for (String entry : child.accessList()) {
            var listed = index.nodeIndex(entry);
            if (listed.isPresent()
                    && active(listed.getAsInt())
                    && Pairing.canPair(index.node(listed.getAsInt()), child)) {
                return true;
            }
        }
        return false;
    }

    boolean has(int node, int flag) {
        return (flags[node] & flag) != 0;
    }

    /** A source, or a receiver neither ejected nor set aside. */
    boolean active(int node) {
        int f = flags[node];
        return (f & SOURCE) != 0 || ((f & RECEIVER) != 0 && (f & (EJECTED | SET_ASIDE)) == 0);
    }

    /** An active receiver that is a peer and may be interior in a tree of its own. */
    boolean relayPeer(int node) {
        int f = flags[node];
        return (f & (RECEIVER | RELAY)) == (RECEIVER | RELAY)
                && (f & (SERVER | EJECTED | SET_ASIDE)) == 0
                && joins[node] == trees
                && slots[node] > 0;
    }

    /** A restricted receiver: its access list may admit peers, but servers are what it can count on. */
    boolean restricted(int node) {
        return (flags[node] & RESTRICTED) != 0;
    }

    /**
     * Receivers placed as leaves, apart from restricted ones: lightweight first, then by tier
     * (premium first, or a priority policy's order), then node order.
     */
    int[] leafOrder() {
        int buckets = 2 * tierRank.length;
        int[] count = new int[buckets + 1];
        for (int r : receivers) {
            if (active(r) && !restricted(r)) {
                count[bucket(r) + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            count[b + 1] += count[b];
        }
        int[] out = new int[count[buckets]];
        for (int r : receivers) {
            if (active(r) && !restricted(r)) {
                out[count[bucket(r)]++] = r;
            }
        }
        return out;
    }

    /**
     * Whether every receiver of {@code order} that joins k trees holds at least {@code count}
     * substreams ({@code got}). Only then are leaves ordered by exposure ({@link
     * LossExposure#leafOrder}): when the trees left receivers short, the channel run ejects by
     * the seed's order and retries, and reordering the leaves changed who came out short
     * (critical family, parity 2: 375 of 10,000 receivers left degraded instead of none).
     */
    boolean allHold(int[] order, int[] got, int count) {
        for (int v : order) {
            if (joins[v] >= k && got[v] < count) {
                return false;
            }
        }
        return true;
    }

    /** The node's tier's place in the serving order (0 first): a priority policy's, or premium, standard, free. */
    int tierRank(int node) {
        return tierRank[tier[node]];
    }

    /** How many tier ranks there are. */
    int tierCount() {
        return tierRank.length;
    }

    private int bucket(int node) {
        return (has(node, LIGHT) ? 0 : tierRank.length) + tierRank[tier[node]];
    }
}
