package dev.canopy.solver.multitree;

/**
 * The first step of an attempt at a channel's trees, split from {@link TreeBuilder}: the
 * receivers only servers may feed are placed in every tree before any tree's peers are, so that
 * the trees built next (one after the other or in parallel, {@link TreeForks}) all start from
 * the same server slots. Stateless.
 */
final class ServerFedPlacement {
    static final int NONE = -1;

    private ServerFedPlacement() {}

    /**
     * Places, in every tree, the receivers only servers may feed, before any tree's peers take
     * link capacity they cannot do without: first the servers that want the channel (tree by
     * tree), then each receiver whose access list admits only servers in all its trees at once,
     * so that it gets at least k substreams or none (a partial share would only waste what
     * another could use). Call once, before {@link TreeBuilder#build}.
     */
    static void place(TreeBuilder b, ChannelMembers m, ServerSlots servers, ParentChoice parents, FriendFeeds friends) {
        for (int s = 0; s < m.trees; s++) {
            b.at(s);
            b.holdAtSources();
            for (int j = 0; j < servers.serverReceivers; j++) {
                int v = servers.fed[j];
                int parent = m.joins[v] > s ? parents.serverSlot(v, TreeBuilder.UNLIMITED, false, true) : NONE;
                servers.early[s][j] = parent;
                if (parent != NONE) {
                    b.take(parent, v);
                    b.emit(parent, v);
                }
            }
        }
        int[] chosen = new int[m.trees];
        for (int j = servers.serverReceivers; j < servers.fed.length; j++) {
            int v = servers.fed[j];
            int count = 0;
            for (int s = 0; s < m.joins[v]; s++) {
                b.at(s);
                if (friends.friendIn(v, s) != NONE) {
                    chosen[s] = NONE;
                    count++;
                    continue;
                }
                chosen[s] = parents.serverSlot(v, TreeBuilder.UNLIMITED, true, false);
                if (chosen[s] != NONE) {
                    b.take(chosen[s], v);
                    count++;
                }
            }
            boolean enough = count >= m.k;
            for (int s = 0; s < m.joins[v]; s++) {
                b.at(s);
                servers.early[s][j] = enough ? chosen[s] : NONE;
                if (chosen[s] != NONE) {
                    if (enough) {
                        b.emit(chosen[s], v);
                    } else {
                        b.untake(chosen[s], v);
                    }
                }
            }
        }
    }
}
