package dev.canopy.solver.replan;

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
        Journal journal = state.journal;
        for (int i = 0; i < journal.edgeCount(); i++) {
            int t = Journal.high(journal.edgeKey(i));
            int x = Journal.low(journal.edgeKey(i));
            int was = journal.edgeParentBefore(i);
            int now = forest.parent(t, x);
            boolean same =
                    was == now && (now < 0 || forest.initiator(t, x).ordinal() == journal.edgeInitiatorBefore(i));
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
