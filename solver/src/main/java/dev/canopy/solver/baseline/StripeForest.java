package dev.canopy.solver.baseline;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One channel's stripe trees as SplitStream grows and rearranges them: per stripe (substream)
 * and node, its parent and its children as a doubly linked list, so that a child can be moved
 * (push-down) in constant time. Sources are roots (no parent). Only the structure is kept here;
 * capacities are the caller's. Not thread-safe: one per channel of one planning call.
 */
final class StripeForest {
    private static final int NONE = -1;

    private final int[][] parent;
    private final int[][] firstChild;
    private final int[][] nextSibling;
    private final int[][] previousSibling;

    StripeForest(int stripes, int nodes) {
        parent = filled(stripes, nodes);
        firstChild = filled(stripes, nodes);
        nextSibling = filled(stripes, nodes);
        previousSibling = filled(stripes, nodes);
    }

    private static int[][] filled(int stripes, int nodes) {
        int[][] a = new int[stripes][nodes];
        for (int[] row : a) {
            Arrays.fill(row, NONE);
        }
        return a;
    }

    /** Makes {@code child} (which has no parent in the stripe) the first child of {@code node}. */
    void attach(int stripe, int node, int child) {
        parent[stripe][child] = node;
        int first = firstChild[stripe][node];
        nextSibling[stripe][child] = first;
        previousSibling[stripe][child] = NONE;
        if (first != NONE) {
            previousSibling[stripe][first] = child;
        }
        firstChild[stripe][node] = child;
    }

    /** Cuts {@code child} from its parent in the stripe; its own subtree stays with it. */
    void detach(int stripe, int child) {
        int p = parent[stripe][child];
        int next = nextSibling[stripe][child];
        int previous = previousSibling[stripe][child];
        if (previous != NONE) {
            nextSibling[stripe][previous] = next;
        } else if (p != NONE) {
            firstChild[stripe][p] = next;
        }
        if (next != NONE) {
            previousSibling[stripe][next] = previous;
        }
        parent[stripe][child] = NONE;
        nextSibling[stripe][child] = NONE;
        previousSibling[stripe][child] = NONE;
    }

    /** The node's parent in the stripe, or -1. */
    int parent(int stripe, int node) {
        return parent[stripe][node];
    }

    /** The node's first child in the stripe, or -1; go on with {@link #nextSibling}. */
    int firstChild(int stripe, int node) {
        return firstChild[stripe][node];
    }

    /** The next child of the same parent, or -1. */
    int nextSibling(int stripe, int node) {
        return nextSibling[stripe][node];
    }

    /** Whether {@code node} is {@code ancestor} or lies below it in the stripe. */
    boolean isWithin(int stripe, int node, int ancestor) {
        for (int u = node; u != NONE; u = parent[stripe][u]) {
            if (u == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Hops from the root of the node's tree. */
    int depth(int stripe, int node) {
        int hops = 0;
        for (int u = parent[stripe][node]; u != NONE; u = parent[stripe][u]) {
            hops++;
        }
        return hops;
    }

    /** Hops from the node down to its deepest descendant (0 for a leaf). */
    int height(int stripe, int node) {
        int highest = 0;
        for (int c = firstChild[stripe][node]; c != NONE; c = nextSibling[stripe][c]) {
            highest = Math.max(highest, 1 + height(stripe, c));
        }
        return highest;
    }

    /** Writes each stripe tree into the plan, breadth-first from the channel's sources. */
    void emit(PlanAssembler plan, SnapshotIndex index, int channel) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < parent.length; s++) {
            for (int source : index.sources(channel)) {
                queue.add(source);
            }
            while (!queue.isEmpty()) {
                int p = queue.poll();
                Node from = index.node(p);
                for (int c = firstChild[s][p]; c != NONE; c = nextSibling[s][c]) {
                    plan.edge(channel, s, p, c, Pairing.initiator(from, index.node(c)));
                    queue.add(c);
                }
            }
        }
    }
}
