package dev.canopy.solver.replan;

import dev.canopy.model.diff.Change;
import dev.canopy.model.diff.ChildRef;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.diff.Instruction;
import dev.canopy.model.diff.ParentRef;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.diff.TreeRate;
import dev.canopy.model.diff.UnservedRef;
import dev.canopy.model.plan.Unserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The diff of a locally repaired batch, from the journal: each touched tree assignment before
 * against now, each touched (node, channel) unserved entry before against now, the rate of each
 * tree that had no edge before, and the new stamp. Equal to {@link PlanDiff#between} of the plans
 * before and after, in the format's order, at a cost proportional to what the batch touched.
 *
 * <p>Works on dense numbers and meets strings only when it writes the diff: the nodes a batch
 * involves are ranked by id (from a rank of the snapshot's ids made once per state, plus the few
 * nodes that joined since, merged by string), trees by (channel id, substream), and the changes
 * and per-node instructions are bucketed by node rank and sorted as packed {@code long} keys.
 * Not thread-safe; one per {@link State}.
 */
final class JournalDiff {
    private final State state;
    /** Nodes numbered by the snapshot: their ids never change, so their order is ranked once. */
    private final int base;

    private final int[] baseRank;
    /** Rank of each tree by (channel id, substream), and the tree of each rank. */
    private final int[] treeRank;

    private final int[] treeOfRank;
    /** Per node: its position among the batch's involved nodes, or -1. Kept all -1 between batches. */
    private int[] position = new int[0];

    JournalDiff(State state) {
        this.state = state;
        this.base = state.net.index().nodeCount();
        baseRank = rankBy(base, i -> state.net.index().node(i).id());
        int trees = state.forest.trees();
        Integer[] byTree = new Integer[trees];
        for (int t = 0; t < trees; t++) {
            byTree[t] = t;
        }
        Arrays.sort(
                byTree,
                Comparator.<Integer, String>comparing(t -> channelId(t)).thenComparingInt(state.forest::substream));
        treeOfRank = new int[trees];
        treeRank = new int[trees];
        for (int r = 0; r < trees; r++) {
            treeOfRank[r] = byTree[r];
            treeRank[byTree[r]] = r;
        }
    }

    private static int[] rankBy(int count, IntFunction<String> id) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(id::apply));
        int[] rank = new int[count];
        for (int r = 0; r < count; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private String channelId(int tree) {
        return state.net.channel(state.forest.channel(tree)).id();
    }

    private String nodeId(int node) {
        return state.net.node(node).id();
    }

    /** The diff of the batch the journal describes, from version {@code version - 1}. */
    Diff of(Instant stampBefore, long version) {
        TouchedEdges edges = TouchedEdges.of(state);
        int[] involved = rankInvolved(edges);
        List<Change> changes = new ArrayList<>();
        List<Instruction> instructions = instructions(edges, involved, changes);
        for (int node : involved) {
            position[node] = -1;
        }
        Optional<Instant> createdAt =
                state.net.now().equals(stampBefore) ? Optional.empty() : Optional.of(state.net.now());
        List<Unserved> added = new ArrayList<>();
        List<UnservedRef> dropped = new ArrayList<>();
        unserved(added, dropped);
        return new Diff(
                Diff.FORMAT,
                state.net.index().snapshot().id(),
                version - 1,
                version,
                changes,
                List.of(),
                instructions,
                createdAt,
                Optional.empty(),
                treeRates(),
                added,
                dropped,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Ranks every node named by a changed edge by id; returns them in that order and sets {@link #position}. */
    private int[] rankInvolved(TouchedEdges edges) {
        if (position.length < state.net.size()) {
            int old = position.length;
            position = Arrays.copyOf(position, Math.max(16, state.net.size() + (state.net.size() >> 1)));
            Arrays.fill(position, old, position.length, -1);
        }
        long[] known = new long[3 * edges.size()];
        int knownCount = 0;
        List<Integer> joined = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            for (int node : new int[] {edges.child[e], edges.before[e], edges.after[e]}) {
                if (node >= 0 && position[node] < 0) {
                    position[node] = 0;
                    if (node < base) {
                        known[knownCount++] = ((long) baseRank[node] << 32) | node;
                    } else {
                        joined.add(node);
                    }
                }
            }
        }
        Arrays.sort(known, 0, knownCount);
        joined.sort(Comparator.comparing(this::nodeId));
        int[] order = new int[knownCount + joined.size()];
        int k = 0;
        int j = 0;
        for (int p = 0; p < order.length; p++) {
            boolean takeKnown = j >= joined.size()
                    || (k < knownCount && nodeId((int) known[k]).compareTo(nodeId(joined.get(j))) < 0);
            order[p] = takeKnown ? (int) known[k++] : joined.get(j++);
            position[order[p]] = p;
        }
        return order;
    }

    /**
     * Per involved node in id order: its new parents (by channel, substream), children added and
     * dropped (by channel, substream, child); fills {@code changes} (by node, channel, substream)
     * with the edges whose parent changed.
     */
    private List<Instruction> instructions(TouchedEdges edges, int[] involved, List<Change> changes) {
        int n = involved.length;
        Buckets sets = new Buckets(n);
        Buckets adds = new Buckets(n);
        Buckets drops = new Buckets(n);
        for (int pass = 0; pass < 2; pass++) {
            for (int e = 0; e < edges.size(); e++) {
                int rank = treeRank[edges.tree[e]];
                sets.put(pass, position[edges.child[e]], ((long) rank << 32) | e);
                if (edges.before[e] != edges.after[e]) {
                    long childKey = ((long) rank << 32) | position[edges.child[e]];
                    if (edges.after[e] >= 0) {
                        adds.put(pass, position[edges.after[e]], childKey);
                    }
                    if (edges.before[e] >= 0) {
                        drops.put(pass, position[edges.before[e]], childKey);
                    }
                }
            }
            if (pass == 0) {
                sets.allocate();
                adds.allocate();
                drops.allocate();
            }
        }
        List<Instruction> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            String id = nodeId(involved[p]);
            List<ParentRef> parents = new ArrayList<>(sets.count(p));
            for (int i = sets.start(p); i < sets.end(p); i++) {
                int e = (int) sets.keys[i];
                int tree = edges.tree[e];
                int after = edges.after[e];
                Optional<String> parentAfter = after < 0 ? Optional.empty() : Optional.of(nodeId(after));
                parents.add(new ParentRef(
                        parentAfter,
                        channelId(tree),
                        state.forest.substream(tree),
                        after < 0 ? Optional.empty() : Optional.of(state.forest.initiator(tree, involved[p])),
                        OptionalLong.empty()));
                if (edges.before[e] != after) {
                    Optional<String> parentBefore =
                            edges.before[e] < 0 ? Optional.empty() : Optional.of(nodeId(edges.before[e]));
                    changes.add(
                            new Change(id, channelId(tree), state.forest.substream(tree), parentBefore, parentAfter));
                }
            }
            out.add(new Instruction(id, parents, childRefs(adds, p, involved), childRefs(drops, p, involved)));
        }
        return out;
    }

    private List<ChildRef> childRefs(Buckets buckets, int p, int[] involved) {
        List<ChildRef> refs = new ArrayList<>(buckets.count(p));
        for (int i = buckets.start(p); i < buckets.end(p); i++) {
            int tree = treeOfRank[(int) (buckets.keys[i] >>> 32)];
            int child = involved[(int) buckets.keys[i]];
            refs.add(new ChildRef(nodeId(child), channelId(tree), state.forest.substream(tree)));
        }
        return refs;
    }

    /** Rates of the trees that had no edge before the batch and have some now, by channel and substream. */
    private List<TreeRate> treeRates() {
        List<TreeRate> rates = new ArrayList<>();
        Journal journal = state.journal;
        for (int i = 0; i < journal.treeCount(); i++) {
            int t = journal.touchedTree(i);
            if (journal.treeEdgesBefore(t) == 0 && state.treeEdges(t) > 0) {
                int c = state.forest.channel(t);
                rates.add(new TreeRate(state.net.channel(c).id(), state.forest.substream(t), state.rate(c)));
            }
        }
        rates.sort(Comparator.comparing(TreeRate::channel).thenComparingInt(TreeRate::substream));
        return rates;
    }

    /** Unserved entries that went (as references) and came (dropped and added when one changed). */
    private void unserved(List<Unserved> added, List<UnservedRef> dropped) {
        Journal journal = state.journal;
        for (int i = 0; i < journal.pairCount(); i++) {
            Optional<Unserved> before = journal.pairBefore(i);
            long pair = journal.pairKey(i);
            Optional<Unserved> after = state.entry(Journal.high(pair), Journal.low(pair));
            if (!before.equals(after)) {
                before.ifPresent(u -> dropped.add(new UnservedRef(u.node(), u.channel())));
                after.ifPresent(added::add);
            }
        }
        dropped.sort(Comparator.comparing(UnservedRef::channel).thenComparing(UnservedRef::node));
        added.sort(Comparator.comparing(Unserved::channel).thenComparing(Unserved::node));
    }

    /**
     * Keys bucketed by node position in two passes (count, then fill), each bucket sorted on
     * demand: a counting sort by node followed by small sorts of packed keys.
     */
    private static final class Buckets {
        private final int[] offset;
        private long[] keys = new long[0];
        private int[] fill;

        Buckets(int nodes) {
            offset = new int[nodes + 1];
        }

        void put(int pass, int node, long key) {
            if (pass == 0) {
                offset[node + 1]++;
            } else {
                keys[fill[node]++] = key;
            }
        }

        /** After the counting pass: prefix sums and room for the keys. */
        void allocate() {
            for (int i = 1; i < offset.length; i++) {
                offset[i] += offset[i - 1];
            }
            keys = new long[offset[offset.length - 1]];
            fill = Arrays.copyOf(offset, offset.length - 1);
        }

        int start(int node) {
            if (fill != null) {
                sortAll();
            }
            return offset[node];
        }

        int end(int node) {
            return offset[node + 1];
        }

        int count(int node) {
            return end(node) - start(node);
        }

        private void sortAll() {
            for (int i = 0; i + 1 < offset.length; i++) {
                if (offset[i + 1] - offset[i] > 1) {
                    Arrays.sort(keys, offset[i], offset[i + 1]);
                }
            }
            fill = null;
        }
    }
}
