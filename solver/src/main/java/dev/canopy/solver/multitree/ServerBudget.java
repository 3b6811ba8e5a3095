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

    /** Server slots tree s may use before its receivers look for far regions' peers. */
    long first(int s) {
        return first[s];
    }

    /** Server slots tree s may use in all, the last resort included. */
    long total(int s) {
        return total[s];
    }
}
