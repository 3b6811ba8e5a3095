package dev.canopy.solver.bench;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;

/**
 * The depth and fan-out of a plan's trees, against the depth of a balanced tree: with d the
 * median fan-out of interior nodes, a tree reaching N receivers needs about ceil(log_d N) + 1
 * hops (the +1 for the source's own hop to the first level).
 *
 * <p>Depth is counted over every (node, tree) membership: a root has depth 0, its children 1.
 * Fan-out is counted over every (node, tree) pair where the node has at least one child in
 * that tree. Medians of an even count are the mean of the two middle values. Stateless.
 */
public final class TreeShape {
    private TreeShape() {}

    /** The shape of the plan's tree overlays; N is {@code receivers}. */
    public static RunResult.Shape of(SnapshotIndex index, Plan plan, int receivers) {
        int n = index.nodeCount();
        long[] depthCounts = new long[n + 2];
        long[] fanOutCounts = new long[n + 2];
        int[] depth = new int[n];
        int[] childCount = new int[n];
        int[] stack = new int[n];
        TreeWalk.walk(index, plan, (channel, parent, children, count) -> {
            for (int i = 0; i < count; i++) {
                int v = children[i];
                depthCounts[Math.min(depthOf(v, parent, depth, stack), n + 1)]++;
                childCount[parent[v]]++;
            }
            for (int i = 0; i < count; i++) {
                int p = parent[children[i]];
                if (childCount[p] > 0) {
                    fanOutCounts[Math.min(childCount[p], n + 1)]++;
                    childCount[p] = 0;
                }
                depth[children[i]] = 0;
            }
        });
        int max = 0;
        for (int d = depthCounts.length - 1; d > 0; d--) {
            if (depthCounts[d] > 0) {
                max = d;
                break;
            }
        }
        double medianDepth = median(depthCounts);
        double fanOut = median(fanOutCounts);
        return new RunResult.Shape(
                max == 0 && Double.isNaN(medianDepth) ? Double.NaN : max,
                medianDepth,
                fanOut,
                logBound(fanOut, receivers));
    }

    /** ceil(log_d n) + 1, or NaN when d &lt;= 1 (a chain has no logarithmic depth). */
    public static double logBound(double d, int n) {
        if (!(d > 1) || n < 1) {
            return Double.NaN;
        }
        // A small tolerance so that exact powers (log_2 8 = 3) do not round up through error.
        return Math.ceil(Math.log(n) / Math.log(d) - 1e-9) + 1;
    }

    /** The median of values given as counts per value; NaN when there are none. */
    static double median(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        int low = -1;
        int high = -1;
        long seen = 0;
        for (int v = 0; v < counts.length && high < 0; v++) {
            if (counts[v] == 0) {
                continue;
            }
            if (low < 0 && seen + counts[v] > lowRank) {
                low = v;
            }
            if (seen + counts[v] > highRank) {
                high = v;
            }
            seen += counts[v];
        }
        return (low + high) / 2.0;
    }

    /**
     * Depth of v in the current tree, memoised in {@code depth} (0 = not known yet; members
     * always have depth of at least 1). Cycles, which the verifier reports, end the walk.
     */
    private static int depthOf(int v, int[] parent, int[] depth, int[] stack) {
        int size = 0;
        int u = v;
        while (u != TreeWalk.NONE && parent[u] != TreeWalk.NONE && depth[u] == 0 && size < stack.length) {
            stack[size++] = u;
            u = parent[u];
        }
        int base = u == TreeWalk.NONE || parent[u] == TreeWalk.NONE ? 0 : depth[u];
        for (int i = size - 1; i >= 0; i--) {
            depth[stack[i]] = ++base;
        }
        return depth[v];
    }
}
