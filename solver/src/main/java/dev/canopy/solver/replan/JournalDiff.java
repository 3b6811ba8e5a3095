package dev.canopy.solver.replan;

import dev.canopy.model.diff.Diff;
import dev.canopy.model.diff.DiffBuilder;
import dev.canopy.model.diff.TreeRate;
import dev.canopy.model.plan.Initiator;
import java.time.Instant;
import java.util.Map;

/**
 * The diff of a locally repaired batch, from the journal: each touched tree assignment before
 * against now, each touched (node, channel) unserved entry before against now, the rate of each
 * tree that had no edge before, and the new stamp. Proportional to what the batch touched.
 */
final class JournalDiff {
    private static final Initiator[] INITIATORS = Initiator.values();

    private JournalDiff() {}

    static Diff of(State state, Instant stampBefore, long version) {
        DiffBuilder diff = new DiffBuilder();
        Forest forest = state.forest;
        for (Map.Entry<Long, long[]> touched : state.journal.edges().entrySet()) {
            int tree = Journal.high(touched.getKey());
            int child = Journal.low(touched.getKey());
            int before = (int) touched.getValue()[0];
            int after = forest.parent(tree, child);
            diff.treeEdge(
                    state.net.channel(forest.channel(tree)).id(),
                    forest.substream(tree),
                    state.net.node(child).id(),
                    state.edge(tree, child, before, INITIATORS[(int) touched.getValue()[1]]),
                    state.edge(tree, child, after, after < 0 ? Initiator.BOTH : forest.initiator(tree, child)));
        }
        for (Map.Entry<Integer, Integer> tree : state.journal.trees().entrySet()) {
            int t = tree.getKey();
            if (tree.getValue() == 0 && state.treeEdges(t) > 0) {
                int c = forest.channel(t);
                diff.treeRate(new TreeRate(state.net.channel(c).id(), forest.substream(t), state.rate(c)));
            }
        }
        for (Map.Entry<Long, java.util.Optional<dev.canopy.model.plan.Unserved>> pair :
                state.journal.pairs().entrySet()) {
            diff.unserved(pair.getValue(), state.entry(Journal.high(pair.getKey()), Journal.low(pair.getKey())));
        }
        if (!state.net.now().equals(stampBefore)) {
            diff.createdAt(state.net.now());
        }
        return diff.build(state.net.index().snapshot().id(), version - 1, version);
    }
}
