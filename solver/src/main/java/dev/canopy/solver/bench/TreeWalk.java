package dev.canopy.solver.bench;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import java.util.Arrays;

/**
 * Visits a plan's tree overlays one at a time with each tree's parent links resolved to node
 * numbers, reusing one parent array (reset after each tree) so that a walk over every tree is
 * linear in the plan's edges. Mesh overlays are skipped. Not thread-safe.
 */
final class TreeWalk {
    /** No parent in the current tree: a root, or not a member. */
    static final int NONE = -1;

    /** What is done with each tree. */
    interface Visitor {
        /**
         * One tree: {@code parent[v]} is v's parent in this tree or {@link #NONE}; {@code
         * children[0..count)} are its members that have a parent (in edge order).
         */
        void tree(int channel, int[] parent, int[] children, int count);
    }

    private TreeWalk() {}

    static void walk(SnapshotIndex index, Plan plan, Visitor visitor) {
        int[] parent = new int[index.nodeCount()];
        Arrays.fill(parent, NONE);
        int[] children = new int[16];
        for (Overlay overlay : plan.overlays()) {
            if (overlay.kind() != OverlayKind.TREE) {
                continue;
            }
            int channel = index.channelIndex(overlay.channel()).orElse(NONE);
            if (channel == NONE) {
                continue;
            }
            int count = 0;
            for (Edge edge : overlay.edges()) {
                int p = index.nodeIndex(edge.parent()).orElse(NONE);
                int c = index.nodeIndex(edge.child()).orElse(NONE);
                if (p == NONE || c == NONE || parent[c] != NONE) {
                    continue; // unknown nodes and second parents are the verifier's to report
                }
                parent[c] = p;
                if (count == children.length) {
                    children = Arrays.copyOf(children, count * 2);
                }
                children[count++] = c;
            }
            visitor.tree(channel, parent, children, count);
            for (int i = 0; i < count; i++) {
                parent[children[i]] = NONE;
            }
        }
    }
}
