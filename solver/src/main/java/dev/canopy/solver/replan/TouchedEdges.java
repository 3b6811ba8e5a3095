package dev.canopy.solver.replan;

import java.util.Map;

/**
 * The tree assignments a batch changed, as parallel arrays over dense numbers: tree, child, parent
 * before and parent now (-1: none). Assignments the batch touched but left as they were (same
 * parent and initiator, or no parent before and after) are left out.
 */
final class TouchedEdges {
    final int[] tree;
    final int[] child;
    final int[] before;
    final int[] after;
    private final int size;

    private TouchedEdges(int capacity, State state) {
        tree = new int[capacity];
        child = new int[capacity];
        before = new int[capacity];
        after = new int[capacity];
        int n = 0;
        Forest forest = state.forest;
        for (Map.Entry<Long, long[]> touched : state.journal.edges().entrySet()) {
            int t = Journal.high(touched.getKey());
            int x = Journal.low(touched.getKey());
            int was = (int) touched.getValue()[0];
            int now = forest.parent(t, x);
            boolean same = was == now && (now < 0 || forest.initiator(t, x).ordinal() == (int) touched.getValue()[1]);
            if (!same) {
                tree[n] = t;
                child[n] = x;
                before[n] = was;
                after[n] = now;
                n++;
            }
        }
        size = n;
    }

    static TouchedEdges of(State state) {
        return new TouchedEdges(state.journal.edgeCount(), state);
    }

    int size() {
        return size;
    }
}
