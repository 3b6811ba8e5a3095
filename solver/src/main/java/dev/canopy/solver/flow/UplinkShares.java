package dev.canopy.solver.flow;

import dev.canopy.model.ChannelKind;
import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How much of each node's uplink to keep for each channel it relays, when a snapshot's channels
 * compete for the same peers. A node relays only channels it holds (is a source of, or wants and
 * is not ejected from), so planning channels one after the other lets an early channel take the
 * uplink of peers that a later one cannot do without, and leaves the later one short.
 *
 * <p>Where splitting each node's uplink between its channels by their rates leaves every channel
 * a tenth more slots than its receivers ask, that split is taken as it is. Otherwise the split
 * is the cheapest maximum flow of {@link ShareFlow}: nodes' uplinks, in units of
 * the greatest common divisor of the channels' substream rates, flow to the channels they hold;
 * each channel asks k substreams per kept receiver, in priority classes (the seed's order: free,
 * standard, premium, and within a tier by uplink; receivers whose relayed uplink covers their k
 * substreams on top), and its parity substreams when coded below every class; servers also
 * feed what only servers may feed (server receivers, receivers with an access list). Live
 * channels are carried before files, higher classes before lower, and each region's demand
 * from its own nodes first.
 *
 * <p>Feasibility first (seed 000): where the flow leaves a channel's classes short, that
 * channel's receivers are ejected in the seed's order (lower tiers first, lowest uplink first,
 * never one whose relayed uplink covers its need) until what they free covers the shortfall
 * (each frees its k substreams, less its own uplink when it holds no other channel to give it
 * to), and the flow is solved again, with an ejected receiver's uplink going to the other
 * channels it holds. The order is the seed's within each channel; which channel gives way is
 * the flow's (the lowest classes over all channels go unmet first).
 *
 * <p>The flow is over groups (nodes of a region holding the same channels), and each group's
 * share of a channel is handed to its nodes largest first, channels in planning order, so that
 * most nodes relay one channel only. The result is what each node should keep for each channel;
 * rounding to whole slots, ejecting for good and building the trees is the strategies' business.
 * Snapshots of more than {@value #MAX_CHANNELS} channels are not split (all shares zero).
 * Deterministic; stateless and thread-safe; time linear in the nodes per round plus a flow over
 * the groups, at most {@value #ROUNDS} rounds (two on the critical families).
 */
public final class UplinkShares {
    /** Most channels split; beyond, every share is zero. */
    public static final int MAX_CHANNELS = 30;

    private static final int ROUNDS = 64;
    /** How far the plain split must cover each channel's copies to be taken without the flow. */
    private static final double AMPLE = 1.1;
    /** Cost between two priority classes; above twice {@link ShareFlow#EXPORT} so that priority outweighs locality. */
    private static final long STEP = 4;

    private final SnapshotIndex index;
    private final int channels;
    private final int nodes;
    private final long unit;
    /** Per channel: flow units per substream copy. */
    private final long[] perCopy;
    /** Per channel: copies each receiver asks (k, or k + n). */
    private final long[] carried;
    /** Per node: its uplink in units (0 if it cannot relay). */
    private final long[] units;
    /** Per node: the channels it holds, one bit each. */
    private final long[] held;
    /** Per node: a server, or a receiver only servers may feed. */
    private final boolean[] serverFed;
    /** Per channel: its peer receivers in the seed's ejection order. */
    private final int[][] candidates;
    /** Largest {@link #need} of any channel, units. */
    private final long maxNeed;
    /** Priority classes of receivers: three tiers times uplink units below the need, and the top class. */
    private final int ranks;

    private long[][] lastClassDemand;
    private long[][] lastClassFlow;

    private UplinkShares(SnapshotIndex index, boolean coded) {
        this.index = index;
        this.channels = index.channelCount();
        this.nodes = index.nodeCount();
        long gcd = 0;
        for (int c = 0; c < channels; c++) {
            gcd = gcd(gcd, index.channel(c).substreamRateKbps());
        }
        unit = Math.max(1, gcd);
        perCopy = new long[channels];
        carried = new long[channels];
        for (int c = 0; c < channels; c++) {
            perCopy[c] = Math.max(1, index.channel(c).substreamRateKbps() / unit);
            carried[c] = coded
                    ? index.channel(c).totalSubstreams()
                    : index.channel(c).substreams();
        }
        units = new long[nodes];
        held = new long[nodes];
        serverFed = new boolean[nodes];
        for (int i = 0; i < nodes; i++) {
            Node node = index.node(i);
            units[i] = node.canRelay() ? node.uplinkKbps() / unit : 0;
            serverFed[i] = node.role().isServer() || node.has(Limit.ACCESS_LIST);
            for (int c = 0; c < channels; c++) {
                if (index.wants(c, i) || index.isSource(c, i)) {
                    held[i] |= 1L << c;
                }
            }
        }
        long most = 0;
        for (int c = 0; c < channels; c++) {
            most = Math.max(most, need(c));
        }
        maxNeed = most;
        ranks = (int) Math.min(Integer.MAX_VALUE / 2, 3 * (maxNeed + 1) + 1);
        candidates = new int[channels][];
        for (int c = 0; c < channels; c++) {
            candidates[c] = ejectionOrder(c);
        }
    }

    /**
     * Per channel, per node: the uplink (kbps) the node should keep for that channel.
     *
     * @param index the network
     * @param coded whether receivers take every substream, parity included (k + n), or k
     * @param order the channels in planning order (live before files)
     * @return {@code shares[channel][node]}, kbps; all zero for a node that relays no channel
     */
    public static long[][] split(SnapshotIndex index, boolean coded, int[] order) {
        if (index.channelCount() > MAX_CHANNELS) {
            return new long[index.channelCount()][index.nodeCount()];
        }
        long[][] byRate = byRate(index, coded);
        return byRate.length > 0 ? byRate : new UplinkShares(index, coded).solve(order);
    }

    /**
     * The plain split when it is enough: each node's uplink between the channels it holds in
     * proportion to their rates, if that gives every channel whole slots for {@value #AMPLE}
     * times the copies its receivers ask; otherwise an empty array (the flow decides).
     */
    private static long[][] byRate(SnapshotIndex index, boolean coded) {
        int channels = index.channelCount();
        int nodes = index.nodeCount();
        long[] heldRate = new long[nodes];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < nodes; i++) {
                if (index.wants(c, i) || index.isSource(c, i)) {
                    heldRate[i] += index.channel(c).rateKbps();
                }
            }
        }
        long[][] shares = new long[channels][nodes];
        for (int c = 0; c < channels; c++) {
            long rate = index.channel(c).rateKbps();
            long copy = index.channel(c).substreamRateKbps();
            long slots = 0;
            long asked = 0;
            for (int i = 0; i < nodes; i++) {
                boolean source = index.isSource(c, i);
                if (!index.wants(c, i) && !source) {
                    continue;
                }
                Node node = index.node(i);
                shares[c][i] = node.canRelay() ? (long) ((double) node.uplinkKbps() * rate / heldRate[i]) : 0;
                slots += shares[c][i] / copy;
                asked += source
                        ? 0
                        : coded
                                ? index.channel(c).totalSubstreams()
                                : index.channel(c).substreams();
            }
            if (slots < AMPLE * asked) {
                return new long[0][];
            }
        }
        return shares;
    }

    private long[][] solve(int[] order) {
        Groups groups = groups();
        long[][] flow = flow(groups);
        for (int round = 1; round < ROUNDS && eject(); round++) {
            groups = groups();
            flow = flow(groups);
        }
        return handOut(groups, flow, order);
    }

    /** Nodes grouped by (channels held, region, server-fed), each group's nodes largest first. */
    private record Groups(int[][] members, long[] held, int[] region, boolean[] server) {}

    private Groups groups() {
        Map<Long, Integer> ids = new HashMap<>();
        int[] of = new int[nodes];
        int[] count = new int[16];
        long[] keys = new long[16];
        for (int i = 0; i < nodes; i++) {
            of[i] = -1;
            if (units[i] == 0 || held[i] == 0) {
                continue;
            }
            long key = (held[i] << 26) | ((long) index.regionOf(i) << 1) | (serverFed[i] ? 1 : 0);
            int g = ids.computeIfAbsent(key, k -> ids.size());
            if (g == count.length) {
                count = Arrays.copyOf(count, 2 * g);
                keys = Arrays.copyOf(keys, 2 * g);
            }
            keys[g] = key;
            count[g]++;
            of[i] = g;
        }
        int size = ids.size();
        long[][] sortKeys = new long[size][];
        for (int g = 0; g < size; g++) {
            sortKeys[g] = new long[count[g]];
        }
        int[] fill = new int[size];
        for (int i = 0; i < nodes; i++) {
            if (of[i] >= 0) {
                long largestFirst = (1L << 37) - 1 - Math.min(units[i], (1L << 37) - 1);
                sortKeys[of[i]][fill[of[i]]++] = (largestFirst << 25) | i;
            }
        }
        int[][] members = new int[size][];
        long[] groupHeld = new long[size];
        int[] region = new int[size];
        boolean[] server = new boolean[size];
        for (int g = 0; g < size; g++) {
            Arrays.sort(sortKeys[g]);
            members[g] = new int[count[g]];
            for (int j = 0; j < count[g]; j++) {
                members[g][j] = (int) (sortKeys[g][j] & ((1 << 25) - 1));
            }
            groupHeld[g] = keys[g] >>> 26;
            region[g] = (int) ((keys[g] >>> 1) & ((1L << 25) - 1));
            server[g] = (keys[g] & 1) != 0;
        }
        return new Groups(members, groupHeld, region, server);
    }

    /** Per group, per channel: the units the cheapest maximum flow gives; per class in {@code lastClassFlow}. */
    private long[][] flow(Groups groups) {
        long[][] classDemand = new long[channels][ranks + 1];
        long[][] classCost = new long[channels][ranks + 1];
        long[] serverOnly = new long[channels];
        long[] serverCost = new long[channels];
        long[][] regional = new long[channels][index.regionCount()];
        for (int c = 0; c < channels; c++) {
            long fileCost = index.channel(c).kind() == ChannelKind.LIVE ? 0 : STEP * (ranks + 2L);
            for (int b = 0; b <= ranks; b++) {
                classCost[c][b] = fileCost + STEP * (ranks + 1L - b);
            }
            classCost[c][ranks] = fileCost + STEP * (ranks + 1L);
            serverCost[c] = fileCost + STEP;
        }
        for (int i = 0; i < nodes; i++) {
            for (int c = 0; c < channels; c++) {
                if (!receives(c, i)) {
                    continue;
                }
                long asked = carried[c] * perCopy[c];
                if (serverFed[i]) {
                    serverOnly[c] += asked;
                    continue;
                }
                long need = need(c);
                classDemand[c][rank(c, i)] += need;
                classDemand[c][ranks] += asked - need;
                regional[c][index.regionOf(i)] += asked;
            }
        }
        ShareFlow flow = new ShareFlow(classDemand, classCost, serverOnly, serverCost, regional);
        for (int g = 0; g < groups.members().length; g++) {
            long supply = 0;
            for (int i : groups.members()[g]) {
                supply += units[i];
            }
            flow.group(supply, groups.held()[g], groups.region()[g], groups.server()[g]);
        }
        long[][] shares = flow.solve();
        lastClassDemand = classDemand;
        lastClassFlow = flow.classFlow();
        return shares;
    }

    /** Units of k substream copies of channel c. */
    private long need(int c) {
        return index.channel(c).substreams() * perCopy[c];
    }

    /**
     * The priority class of receiver i of channel c: free, standard, premium, and within a tier
     * by uplink (in units, as the seed orders: a peer that may not relay ranks by its uplink too);
     * a receiver whose relayed uplink covers what it needs is in the top class (never ejected: it
     * gives more than it takes).
     */
    private int rank(int c, int i) {
        if (units[i] >= need(c)) {
            return ranks - 1;
        }
        int tier = 2 - index.node(i).tier().ordinal();
        long uplink = Math.min(index.node(i).uplinkKbps() / unit, maxNeed);
        return (int) (tier * (maxNeed + 1) + uplink);
    }

    /** Whether node i is a kept receiver of channel c (holds it without being its source). */
    private boolean receives(int c, int i) {
        return (held[i] & (1L << c)) != 0 && !index.isSource(c, i);
    }

    /**
     * Ejects, in every channel whose receivers' demand below the top class went partly unmet,
     * receivers in the seed's order until what they free covers the unmet demand: each frees
     * the k substreams it asked, less its own uplink when it holds no other channel to give it
     * to. Top-class receivers and those only servers may feed are never ejected here. Returns
     * whether any was ejected.
     */
    private boolean eject() {
        boolean any = false;
        for (int c = 0; c < channels; c++) {
            long need = need(c);
            long unmet = 0;
            for (int b = 0; b < ranks - 1; b++) {
                unmet += Math.max(0, lastClassDemand[c][b] - lastClassFlow[c][b]);
            }
            for (int j = 0; j < candidates[c].length && unmet > 0; j++) {
                int r = candidates[c][j];
                if (!receives(c, r) || serverFed[r] || rank(c, r) == ranks - 1) {
                    continue;
                }
                held[r] &= ~(1L << c);
                unmet -= need - (held[r] == 0 ? units[r] : 0);
                any = true;
            }
        }
        return any;
    }

    /** Hands each group's share of each channel to its nodes, largest first, channels in planning order. */
    private long[][] handOut(Groups groups, long[][] flow, int[] order) {
        long[][] shares = new long[channels][nodes];
        for (int g = 0; g < groups.members().length; g++) {
            long[] quota = flow[g].clone();
            int at = 0;
            for (int i : groups.members()[g]) {
                long left = units[i];
                while (left > 0 && at < order.length) {
                    int c = order[at];
                    long given = Math.min(left, quota[c]);
                    shares[c][i] += given * unit;
                    quota[c] -= given;
                    left -= given;
                    if (quota[c] == 0) {
                        at++;
                    }
                }
            }
        }
        return shares;
    }

    /** Peer receivers of channel c, free before standard before premium, then lowest uplink, then node order. */
    private int[] ejectionOrder(int c) {
        long[] keys = new long[nodes];
        int count = 0;
        for (int i = 0; i < nodes; i++) {
            Node node = index.node(i);
            if (receives(c, i) && !node.role().isServer()) {
                long tierRank = 2 - node.tier().ordinal();
                long uplink = Math.min(node.uplinkKbps(), (1L << 36) - 1);
                keys[count++] = (tierRank << 61) | (uplink << 25) | i;
            }
        }
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        int[] out = new int[count];
        for (int j = 0; j < count; j++) {
            out[j] = (int) (sorted[j] & ((1 << 25) - 1));
        }
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
