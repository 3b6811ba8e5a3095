package dev.canopy.solver.multitree;

/**
 * How many server slots (origin, CDN and waypoint copies of one substream) each tree of a channel
 * may use, in two steps, so that servers send only what peers cannot. The first step covers what
 * only servers can give (servers wanting the channel, receivers whose access list admits only
 * servers) and each tree's shortfall of peer slots, at least its root fan-out ({@link
 * #rootFanOut}: the region entries servers feed, largest regions first; data trees first);
 * region entries and leaves may use it before they look for far regions' peers. The
 * second step adds an even share of the servers' remaining slots, for the last resort only: a
 * receiver that no peer slot can take (full or refused routes, lightweight slots a lightweight
 * child cannot use). Before, the remaining slots were handed out with the first step and spent on
 * region entries, which stranded 4.6 % of the demand at 1,000 peers.
 *
 * <p>The root fan-out trades a little server rate for resilience: with a single peer root per
 * tree, a failed root cost every receiver that substream (10 % of peers failed, parity 0: 0 %
 * of the survivors kept the stream on the real overlays); with {@value #ROOT_SHARE} of a tree's
 * receivers as server-fed entries, a failure near the root costs only its region's subtree.
 * Measured in docs/benchmarks.md ("Stranded demand in multi-tree").
 *
 * <p>Immutable after construction; counts are server slots, per tree index.
 */
final class ServerBudget {
    /** Share of a tree's peer-fed receivers whose regions' entries servers feed. */
    static final double ROOT_SHARE = 0.005;

    private final long[] first;
    private final long[] total;

    private ServerBudget(long[] first, long[] total) {
        this.first = first;
        this.total = total;
    }

    /**
     * @param m the channel's members (k and the number of trees)
     * @param need per tree, receivers that peers should feed
     * @param mandatory per tree, receivers only servers may feed
     * @param treeSlots per tree, slots of the peers interior in it
     * @param spare server slots beyond the mandatory ones
     * @param roots per tree, its root fan-out (see {@link #rootFanOut})
     */
    static ServerBudget of(
            ChannelMembers m, long[] need, long[] mandatory, long[] treeSlots, long spare, long[] roots) {
        long[] first = mandatory.clone();
        long left = Math.max(0, spare);
        for (int pass = 0; pass < 2; pass++) {
            for (int s = pass == 0 ? 0 : m.k; s < (pass == 0 ? m.k : m.trees); s++) {
                long shortfall = Math.max(Math.max(1, roots[s]), need[s] - treeSlots[s]);
                long given = Math.min(shortfall, left);
                first[s] += given;
                left -= given;
            }
        }
        long[] total = first.clone();
        for (int s = 0; s < m.trees; s++) {
            total[s] += left / m.trees + (s < left % m.trees ? 1 : 0);
        }
        return new ServerBudget(first, total);
    }

    /**
     * How many region entries of a tree with {@code receivers} peer-fed receivers hang under
     * servers: {@value #ROOT_SHARE} of them, rounded up, at least one.
     */
    static long rootFanOut(long receivers) {
        return Math.max(1, (long) Math.ceil(ROOT_SHARE * receivers));
    }

    /**
     * Per tree, how many of its interior peers hang under servers as entries (depth 1) beyond
     * its root fan-out, when a channel's parity trees are more than the peers' slots can fill:
     * the tree's share (by need) of the copies servers must then send anyway. Sent to leaves,
     * those copies would cost the same server rate; as entries they make every tree shallower,
     * so fewer peers sit on each receiver's path (coded, homogeneous 1.2 x uplinks, parity 2,
     * 10,000 peers: survivors keeping k substreams at 1 % failed from 98.7 to 99.2 %). Zero
     * without parity trees, where those copies are the last resort of leaves no nearby peer
     * slot can take and entries would cost locality, and when the peers' slots are not at least 1 + 1/(2k) times
     * what the data trees need: near that, whole peers and lightweight slots leave the data
     * trees short, and the servers must cover that first (critical family, parity 2: with the
     * entries, 375 of 10,000 receivers were left with 6 or 7 substreams).
     *
     * @param k the channel's data trees (the first k of {@code need})
     * @param need per tree, receivers that peers should feed
     * @param peerSlots the slots of all relaying peers, over all trees
     * @param spare server slots beyond those only servers may use
     */
    static long[] forcedEntries(int k, long[] need, long peerSlots, long spare) {
        long[] out = new long[need.length];
        if (need.length == k) {
            return out;
        }
        long total = 0;
        long data = 0;
        for (int s = 0; s < need.length; s++) {
            total += need[s];
            data += s < k ? need[s] : 0;
        }
        if (peerSlots * 2 * k < data * (2 * k + 1)) {
            return out;
        }
        long forced = Math.min(Math.max(0, spare), Math.max(0, total - peerSlots));
        for (int s = 0; s < need.length && total > 0; s++) {
            out[s] = Math.min(need[s], forced * need[s] / total);
        }
        return out;
    }

    /** Server slots tree s may use before its receivers look for far regions' peers. */
    long first(int s) {
        return first[s];
    }

    /** Server slots tree s may use in all, the last resort included. */
    long total(int s) {
        return total[s];
    }
}
