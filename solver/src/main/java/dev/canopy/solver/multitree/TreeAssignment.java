package dev.canopy.solver.multitree;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which tree each relaying peer is interior in (SplitStream's rule: one tree per peer), chosen
 * so that every tree, and within it every region, has about as many slots as it has receivers.
 * Region by region, peers go largest first (regular before lightweight, then by slots and
 * uptime) to the tree that region has the fewest slots in (ties: the tree with the fewest slots
 * overall), as in longest-processing-time scheduling; with parity, the k data trees are filled
 * to the region's need before the parity trees. Whatever imbalance is left between trees is
 * then evened out ({@link TreeBalancer}) by moving whole small peers from trees with slots to spare to trees short of
 * them; only if the servers cannot cover what is still short is a peer split, interior in a
 * second tree with part of its slots (a relaxation, counted).
 *
 * <p>Also holds, per tree, its interior peers grouped by region in placement order. Not
 * thread-safe.
 */
final class TreeAssignment {
    private static final int NONE = -1;

    private final ChannelMembers m;
    private final int trees;
    /** Per node: its interior tree, or -1. */
    final int[] tree;
    /** Per node: a second interior tree (a relaxation), or -1. */
    final int[] second;
    /** Per node: slots given to the second tree. */
    final int[] secondSlots;
    /** Relaying peers grouped by region (in {@link #regions} order), in placement order. */
    final int[] relays;
    /** Regions that have relaying peers, largest demand first. */
    final int[] regions;
    /** Per region number: start of its peers in {@link #relays} (and end, at region + 1 in {@link #regionEnd}). */
    final int[] regionStart;

    final int[] regionEnd;
    /** Per tree: slots of peers interior in it. */
    final long[] treeSlots;
    /** Peers made interior in a second tree. */
    int splits;

    /** Per region number: its country's number, or -1 (see {@link #countries}). */
    private final int[] countryOfRegion;
    /** Per country number, per tree: slots of the country's peers interior in it. */
    private final long[][] countrySlots;

    /**
     * @param relayOrder the channel's relaying peers in placement order ({@link #relayOrder}),
     *     of which those still relaying peers are assigned
     */
    TreeAssignment(ChannelMembers m, int[] regionDemand, int[] relayOrder) {
        this.m = m;
        this.trees = m.trees;
        int n = m.flags.length;
        tree = new int[n];
        second = new int[n];
        secondSlots = new int[n];
        Arrays.fill(tree, NONE);
        Arrays.fill(second, NONE);
        treeSlots = new long[trees];
        int regionCount = m.index.regionCount();
        regionStart = new int[regionCount];
        regionEnd = new int[regionCount];
        relays = groupByRegion(relayOrder);
        regions = regionsByDemand(regionDemand);
        countryOfRegion = countries(m, regions);
        int countryCount = Arrays.stream(countryOfRegion).max().orElse(-1) + 1;
        countrySlots = new long[countryCount][trees];
        for (int r : regions) {
            assignRegion(r, regionDemand[r]);
        }
    }

    /** Slots a node gives to a tree. */
    int slotsIn(int node, int s) {
        if (tree[node] == s) {
            return m.slots[node] - secondSlots[node];
        }
        return second[node] == s ? secondSlots[node] : 0;
    }

    /**
     * The channel's relaying peers sorted by region, then regular before lightweight, then
     * slots and uptime descending, then node order. Sorted once per channel run: an attempt only
     * ejects receivers (no peer starts relaying, none changes its slots), so every attempt takes
     * the ones still relaying from this order.
     */
    static int[] relayOrder(ChannelMembers m) {
        int regionCount = m.index.regionCount();
        int[] count = new int[regionCount + 1];
        int total = 0;
        for (int i = 0; i < m.flags.length; i++) {
            if (m.relayPeer(i)) {
                count[m.index.regionOf(i) + 1]++;
                total++;
            }
        }
        for (int r = 0; r < regionCount; r++) {
            count[r + 1] += count[r];
        }
        long[] keys = new long[total];
        int[] fill = Arrays.copyOf(count, regionCount);
        for (int i = 0; i < m.flags.length; i++) {
            if (m.relayPeer(i)) {
                long light = m.has(i, ChannelMembers.LIGHT) ? 1 : 0;
                long slotsDesc = (1L << 20) - 1 - Math.min(m.slots[i], (1 << 20) - 1);
                long uptimeDesc = 1023 - Math.round(m.index.node(i).uptime() * 1023);
                keys[fill[m.index.regionOf(i)]++] = (light << 55) | (slotsDesc << 35) | (uptimeDesc << 25) | i;
            }
        }
        int[] out = new int[total];
        for (int r = 0; r < regionCount; r++) {
            Arrays.sort(keys, count[r], count[r + 1]);
            for (int j = count[r]; j < count[r + 1]; j++) {
                out[j] = (int) (keys[j] & ((1 << 25) - 1));
            }
        }
        return out;
    }

    /** The peers of {@code order} still relaying, in that order; fills the region bounds. */
    private int[] groupByRegion(int[] order) {
        int[] out = new int[order.length];
        int total = 0;
        for (int node : order) {
            if (m.relayPeer(node)) {
                out[total++] = node;
            }
        }
        for (int j = total - 1; j >= 0; j--) {
            regionStart[m.index.regionOf(out[j])] = j;
        }
        for (int j = 0; j < total; j++) {
            regionEnd[m.index.regionOf(out[j])] = j + 1;
        }
        return total == out.length ? out : Arrays.copyOf(out, total);
    }

    /**
     * Regions by demand, largest first; regions awaiting copies into a dual-ingress domain last,
     * so the peers that bring the copies are in the trees first.
     */
    private int[] regionsByDemand(int[] regionDemand) {
        int regionCount = regionStart.length;
        long[] keys = new long[regionCount];
        int count = 0;
        for (int r = 0; r < regionCount; r++) {
            if (regionDemand[r] > 0 || regionEnd[r] > regionStart[r]) {
                long late = m.awaitsEntry.length > 0 && m.awaitsEntry[r] ? 1 : 0;
                keys[count++] = (late << 57) | ((long) (Integer.MAX_VALUE - regionDemand[r]) << 25) | r;
            }
        }
        Arrays.sort(keys, 0, count);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) (keys[i] & ((1 << 25) - 1));
        }
        return out;
    }

    /**
     * Numbers the countries of the regions (in the order met), -1 for a region without one: a
     * region short of slots in a tree is fed from its country's other regions first, so among
     * trees a region is equally short of, its peers go where its country has the fewest slots.
     */
    private static int[] countries(ChannelMembers m, int[] regions) {
        int[] out = new int[m.index.regionCount()];
        Arrays.fill(out, NONE);
        Map<String, Integer> numbers = new HashMap<>();
        for (int r : regions) {
            out[r] = m.index
                    .regionCountry(r)
                    .map(c -> numbers.computeIfAbsent(c, x -> numbers.size()))
                    .orElse(NONE);
        }
        return out;
    }

    private void assignRegion(int region, int demand) {
        long[] local = new long[trees];
        long[] country = countryOfRegion[region] >= 0 ? countrySlots[countryOfRegion[region]] : null;
        for (int j = regionStart[region]; j < regionEnd[region]; j++) {
            int node = relays[j];
            int s = pick(local, country, demand);
            tree[node] = s;
            local[s] += m.slots[node];
            treeSlots[s] += m.slots[node];
            if (country != null) {
                country[s] += m.slots[node];
            }
        }
    }

    /** The tree the region is shortest of slots in; with parity, data trees first until they meet the need. */
    private int pick(long[] local, long[] country, int demand) {
        int best = NONE;
        if (m.k < trees) {
            best = lowest(local, country, 0, m.k);
            if (local[best] >= demand) {
                best = NONE;
            }
        }
        return best == NONE ? lowest(local, country, 0, trees) : best;
    }

    /** The tree with the fewest of the region's slots; ties: the country's, then all slots. */
    private int lowest(long[] local, long[] country, int from, int to) {
        int best = from;
        for (int s = from + 1; s < to; s++) {
            if (local[s] != local[best]) {
                best = local[s] < local[best] ? s : best;
            } else if (country != null && country[s] != country[best]) {
                best = country[s] < country[best] ? s : best;
            } else if (treeSlots[s] < treeSlots[best]) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Evens out trees: {@code need[s]} is how many receivers of tree s peers should feed. Moves
     * whole peers from trees with slots to spare to trees short of them; then, if the servers'
     * {@code serverSlots} cannot cover the shortfall that is left (data trees first), splits peers
     * (see {@link TreeBalancer}).
     */
    void balance(long[] need, long serverSlots) {
        new TreeBalancer(m, this).balance(need, serverSlots);
    }

    /**
     * Every tree's interior peers, grouped by region in {@link #regions} order; fills, per tree
     * and region, where the region's peers start.
     */
    int[][] interiorByTree(int[][] starts) {
        int trees = m.trees;
        int[] count = new int[trees];
        for (int node : relays) {
            count[tree[node]]++;
            if (second[node] >= 0) {
                count[second[node]]++;
            }
        }
        int[][] out = new int[trees][];
        for (int s = 0; s < trees; s++) {
            out[s] = new int[count[s]];
        }
        int[] fill = new int[trees];
        for (int region : regions) {
            for (int s = 0; s < trees; s++) {
                starts[s][region] = fill[s];
            }
            for (int j = regionStart[region]; j < regionEnd[region]; j++) {
                int node = relays[j];
                out[tree[node]][fill[tree[node]]++] = node;
                if (second[node] >= 0) {
                    out[second[node]][fill[second[node]]++] = node;
                }
            }
            for (int s = 0; s < trees; s++) {
                mostSlotsFirst(out[s], starts[s][region], fill[s], s);
            }
        }
        return out;
    }

    /**
     * Sorts a region's interior peers of tree s, regular before lightweight, by the slots they
     * give it now, most first, ties in placement order: a friend's reserved copies ({@link FriendFeeds}) and a split leave it
     * fewer slots than it was sorted by, and placed first it would make the region's subtree a
     * level deeper (homogeneous, 10,000 peers: an entry with 2 slots left, depth 7).
     */
    private void mostSlotsFirst(int[] list, int from, int to, int s) {
        long[] keys = new long[to - from];
        for (int j = from; j < to; j++) {
            long light = m.has(list[j], ChannelMembers.LIGHT) ? 1 : 0;
            keys[j - from] =
                    (light << 62) | ((long) ((1 << 20) - Math.min(slotsIn(list[j], s), 1 << 20)) << 31) | (j - from);
        }
        Arrays.sort(keys);
        int[] sorted = new int[to - from];
        for (int j = 0; j < keys.length; j++) {
            sorted[j] = list[from + (int) (keys[j] & Integer.MAX_VALUE)];
        }
        System.arraycopy(sorted, 0, list, from, sorted.length);
    }
}
