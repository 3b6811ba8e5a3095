package dev.canopy.solver.multitree;

import java.util.Arrays;

/**
 * The interior peers placed in one tree so far, by depth, regular and lightweight apart, with
 * per depth a cursor at the first that may still have a free slot: so the shallowest free slot
 * of the whole tree is found in constant amortised time (a peer's free slots only fall while a
 * tree grows, so a full peer stays full). {@link SlotCursors} uses it to hang each region's first
 * peer, whose depth sets that of the region's whole subtree, as high as the tree allows when no
 * server slot is to be spent on it.
 *
 * <p>Arrays indexed by depth grow on demand. Not thread-safe; reset per tree.
 */
final class DepthLadder {
    private static final int NONE = -1;
    /** How many refused slots at the shallowest depths are passed over before giving up. */
    private static final int TRIES = 16;

    private final int[] free;
    /** Per kind (0 regular, 1 lightweight), per depth: the peers placed at that depth. */
    private final int[][][] peers = new int[2][][];

    private final int[][] size = new int[2][];
    private final int[][] cursor = new int[2][];
    /** Per kind: no depth above it has a free slot. */
    private final int[] lowest = new int[2];

    /** @param free per node its free slots in the current tree (kept by the caller) */
    DepthLadder(int[] free) {
        this.free = free;
        for (int kind = 0; kind < 2; kind++) {
            peers[kind] = new int[8][];
            size[kind] = new int[8];
            cursor[kind] = new int[8];
        }
    }

    /** Starts a tree. */
    void reset() {
        for (int kind = 0; kind < 2; kind++) {
            Arrays.fill(size[kind], 0);
            Arrays.fill(cursor[kind], 0);
            lowest[kind] = 0;
        }
    }

    /** Records an interior peer placed at a depth. */
    void add(int node, int depth, boolean light) {
        int kind = light ? 1 : 0;
        if (depth >= size[kind].length) {
            int grown = Math.max(depth + 1, 2 * size[kind].length);
            peers[kind] = Arrays.copyOf(peers[kind], grown);
            size[kind] = Arrays.copyOf(size[kind], grown);
            cursor[kind] = Arrays.copyOf(cursor[kind], grown);
        }
        int[] row = peers[kind][depth];
        if (row == null || size[kind][depth] == row.length) {
            row = row == null ? new int[16] : Arrays.copyOf(row, 2 * row.length);
            peers[kind][depth] = row;
        }
        row[size[kind][depth]++] = node;
        lowest[kind] = Math.min(lowest[kind], depth);
    }

    /**
     * The shallowest free slot the child may take and {@code routes} admits (regular slots only
     * for a lightweight child; for a regular one a lightweight slot first at equal depth), or -1
     * when none is found among the first few candidates.
     */
    int shallowest(int child, boolean lightChild, SlotCursors.Routes routes) {
        int tries = 0;
        int maxDepth = Math.max(size[0].length, size[1].length);
        for (int d = Math.min(lowest(0), lightChild ? Integer.MAX_VALUE : lowest(1)); d < maxDepth; d++) {
            for (int kind = lightChild ? 0 : 1; kind >= 0; kind--) {
                if (d >= size[kind].length) {
                    continue;
                }
                int[] row = peers[kind][d];
                for (int i = cursor[kind][d]; i < size[kind][d]; i++) {
                    int p = row[i];
                    if (free[p] <= 0 || p == child) {
                        continue;
                    }
                    if (routes.open(p, child)) {
                        return p;
                    }
                    if (++tries >= TRIES) {
                        return NONE;
                    }
                }
            }
        }
        return NONE;
    }

    /** The lowest depth of a kind that may hold a free slot, advancing the cursors past full peers. */
    private int lowest(int kind) {
        int[] sizes = size[kind];
        int d = lowest[kind];
        while (d < sizes.length) {
            int[] row = peers[kind][d];
            while (cursor[kind][d] < sizes[d] && free[row[cursor[kind][d]]] <= 0) {
                cursor[kind][d]++;
            }
            if (cursor[kind][d] < sizes[d]) {
                break;
            }
            d++;
        }
        lowest[kind] = d;
        return d;
    }
}
