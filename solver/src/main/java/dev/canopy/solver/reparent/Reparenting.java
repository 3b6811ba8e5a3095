package dev.canopy.solver.reparent;

import dev.canopy.model.plan.Plan;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Resources;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The primal side of {@link ExactStrategy}'s class model: a local search that lowers a plan's
 * {@link dev.canopy.solver.Locality} cost by moving receivers to cheaper parents, so that exact
 * has a good reachable plan to return (and to start CP-SAT from) where the relaxation's own
 * solution cannot be realised per node.
 *
 * <p>Two moves, on every edge that crosses a region, in passes until one changes nothing:
 *
 * <ul>
 *   <li><b>re-parent</b>: the child takes, in the same tree, the cheapest parent (its region
 *       first, then its country) that holds the substream, has uplink left, is allowed by the
 *       lightweight rules and the links, and is not below the child;
 *   <li><b>eject</b>: where such a parent is full, one of its edges is moved to another parent
 *       (its child's region, its country, or anyone with uplink left) when what the first edge
 *       saves is more than what the second costs extra.
 * </ul>
 *
 * Every node keeps one parent per substream it held, and every move checks reachability, so the
 * served pairs and the unserved list stay as they were and each move lowers the cost: the search
 * ends. Deterministic (fixed orders, ties to the lowest node number). {@link TreeRules} says
 * whether the one-tree rule and depth are kept too: {@code exact} moves freely, the multi-tree
 * polish keeps both. Not for plans under operator policies (the gate is unrestricted: callers
 * skip such problems). Stateless.
 */
public final class Reparenting {
    /** Passes over all edges at most (each pass that changes something lowers the cost). */
    static final int MAX_PASSES = 50;

    /** Nodes with uplink left tried as a parent from anywhere (by most left at the pass's start), at most. */
    static final int WORLD_TRIES = 64;

    /**
     * Parent checks ({@link ReparentingTrees#canAdopt}) per search at most: a deterministic bound on the
     * work (a few seconds), checked before each edge.
     */
    static final long MAX_CHECKS = 100_000_000;

    /** The improved plan and the number of moves made. */
    public record Outcome(Plan plan, int moves, int passes) {}

    private final ReparentingTrees forest;
    /** Nodes by spare uplink at the pass's start, most first: where anyone may send, tried in this order. */
    private int[] roomy = new int[0];

    private Reparenting(ReparentingTrees forest) {
        this.forest = forest;
    }

    /**
     * The plan with cheaper parents, or empty when it is not made of trees (see {@link ReparentingTrees}).
     * {@code resources} must be fresh (nothing reserved); {@code stop} is asked before each
     * edge, and the search ends with the moves made so far when it says so.
     */
    public static Optional<Outcome> improve(Plan start, Resources resources, TreeRules rules, BooleanSupplier stop) {
        return ReparentingTrees.of(start, resources, rules).map(forest -> new Reparenting(forest).run(stop));
    }

    private Outcome run(BooleanSupplier stop) {
        int moves = 0;
        int passes = 0;
        boolean moved = true;
        int nodes = forest.index.nodeCount();
        while (moved && passes < MAX_PASSES) {
            moved = false;
            passes++;
            roomy = IntStream.range(0, nodes)
                    .boxed()
                    .sorted(Comparator.comparingLong((Integer p) -> -forest.spare(p))
                            .thenComparingInt(p -> p))
                    .mapToInt(Integer::intValue)
                    .filter(p -> forest.spare(p) > 0)
                    .toArray();
            for (int t = 0; t < forest.trees(); t++) {
                for (int q = 0; q < nodes; q++) {
                    int p = forest.parent[t][q];
                    if (forest.checks > MAX_CHECKS || stop.getAsBoolean()) {
                        return new Outcome(forest.toPlan(), moves, passes);
                    }
                    if (p >= 0 && forest.edgeCost(p, q) > 0 && (reparent(t, q) || eject(t, q))) {
                        moves++;
                        moved = true;
                    }
                }
            }
        }
        return new Outcome(forest.toPlan(), moves, passes);
    }

    /** Moves q (in tree t) to the cheapest parent with room, if cheaper than its own. */
    private boolean reparent(int t, int q) {
        int p = forest.parent[t][q];
        int cost = forest.edgeCost(p, q);
        forest.detach(t, q);
        int better = cheapestParent(t, q, cost, -1);
        forest.attach(t, better >= 0 ? better : p, q);
        return better >= 0;
    }

    /**
     * Moves q (in tree t) to a cheaper parent that is full, after moving one of that parent's
     * edges elsewhere at an extra cost below what q's move saves.
     */
    private boolean eject(int t, int q) {
        int p = forest.parent[t][q];
        int cost = forest.edgeCost(p, q);
        int region = forest.index.regionOf(q);
        forest.detach(t, q);
        for (int level = 0; level < 2; level++) {
            int[] regions = level == 0 ? new int[] {region} : forest.countryRegions[region];
            for (int r : regions) {
                for (int full : forest.regionNodes[r]) {
                    int saved = cost - forest.edgeCost(full, q);
                    if (saved <= 0
                            || full == q
                            || !forest.holds(t, full)
                            || !forest.gate.admits(full, q, forest.channel[t])
                            || forest.below(t, full, q)) {
                        continue;
                    }
                    int moved = freeOneSlot(full, saved);
                    if (moved < 0) {
                        continue;
                    }
                    if (forest.canAdopt(t, full, q)) {
                        forest.attach(t, full, q);
                        return true;
                    }
                    int nodes = forest.index.nodeCount();
                    forest.detach(moved / nodes, moved % nodes);
                    forest.attach(moved / nodes, full, moved % nodes);
                }
            }
        }
        forest.attach(t, p, q);
        return false;
    }

    /**
     * Moves one of {@code full}'s edges to another parent at an extra cost below {@code saved};
     * returns the moved edge ({@code t * nodeCount + child}) or -1.
     */
    private int freeOneSlot(int full, int saved) {
        int nodes = forest.index.nodeCount();
        for (int code : forest.sentBy(full)) {
            int t2 = code / nodes;
            int x = code % nodes;
            int was = forest.edgeCost(full, x);
            forest.detach(t2, x);
            int other = cheapestParent(t2, x, was + saved, full);
            if (other >= 0) {
                forest.attach(t2, other, x);
                return code;
            }
            forest.attach(t2, full, x);
        }
        return -1;
    }

    /**
     * The parent for q in tree t that {@link ReparentingTrees#canAdopt} allows at a cost below {@code
     * limit}, cheapest first (its region, its country, then anyone by spare uplink); among one
     * region level the one with most uplink left; -1 when none. {@code excluded} is never taken.
     */
    private int cheapestParent(int t, int q, int limit, int excluded) {
        int region = forest.index.regionOf(q);
        if (limit > 0) {
            int best = roomiest(t, q, new int[] {region}, excluded);
            if (best >= 0) {
                return best;
            }
        }
        if (limit > Locality.CROSS_REGION) {
            int best = roomiest(t, q, forest.countryRegions[region], excluded);
            if (best >= 0) {
                return best;
            }
        }
        if (limit <= Locality.CROSS_COUNTRY) {
            return -1;
        }
        int tries = 0;
        for (int i = 0; i < roomy.length && tries < WORLD_TRIES; i++) {
            int p = roomy[i];
            if (p == excluded || forest.spare(p) < forest.rate[t]) {
                continue;
            }
            tries++;
            if (forest.canAdopt(t, p, q)) {
                return p;
            }
        }
        return -1;
    }

    /** Among the regions' nodes, the one with most uplink left that may adopt q in t; -1 when none. */
    private int roomiest(int t, int q, int[] regions, int excluded) {
        int best = -1;
        long bestSpare = forest.rate[t] - 1;
        for (int r : regions) {
            for (int p : forest.regionNodes[r]) {
                long spare = forest.spare(p);
                if (spare > bestSpare && p != excluded && forest.canAdopt(t, p, q)) {
                    best = p;
                    bestSpare = spare;
                }
            }
        }
        return best;
    }
}
