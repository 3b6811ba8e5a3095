package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.ChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.SwapMove;

/**
 * Keeps every tree a tree within its depth bound: a move is taken only if, after it, walking up
 * the parents from each moved receiver reaches a root within the bound (so there is no cycle),
 * and the receiver's subtree as it is now still fits below its new depth. Swaps are taken only
 * between two receivers of the same tree. Works on the working solution (the walk up is as
 * long as the tree is deep, the subtree check as large as the moved subtree). Public only
 * because the solver instantiates it; stateless.
 */
public final class TreeShapeFilter implements SelectionFilter<PolishSolution, Move<PolishSolution>> {

    @Override
    public boolean accept(ScoreDirector<PolishSolution> director, Move<PolishSolution> move) {
        if (move instanceof ChangeMove<PolishSolution> change) {
            Attachment a = (Attachment) change.getEntity();
            Holder to = (Holder) change.getToPlanningValue();
            return to != null && to != a.parent && fits(a.self, to, null, null);
        }
        if (move instanceof SwapMove<PolishSolution> swap) {
            Attachment a = (Attachment) swap.getLeftEntity();
            Attachment b = (Attachment) swap.getRightEntity();
            return a.self.tree == b.self.tree
                    && a.parent != b.parent
                    && fits(a.self, b.parent, b.self, a.parent)
                    && fits(b.self, a.parent, a.self, b.parent);
        }
        return false;
    }

    /**
     * Whether {@code moved}, hung under {@code to} (and {@code other} under {@code otherTo}, for a
     * swap), is reached from a root within the depth bound with its subtree below it.
     */
    static boolean fits(Holder moved, Holder to, Holder other, Holder otherTo) {
        int bound = moved.tree.depthBound;
        int depth = 1;
        Holder at = to;
        while (true) {
            Holder up = at == other ? otherTo : at.parentHolder();
            if (up == null) {
                break;
            }
            if (at == moved || depth >= bound) {
                return false;
            }
            at = up;
            depth++;
        }
        return at != moved && fitsBelow(moved, bound - depth);
    }

    /** Whether the subtree under {@code holder} is at most {@code room} levels deep. */
    static boolean fitsBelow(Holder holder, int room) {
        if (holder.children.isEmpty()) {
            return true;
        }
        if (room <= 0) {
            return false;
        }
        for (Attachment child : holder.children) {
            if (!fitsBelow(child.self, room - 1)) {
                return false;
            }
        }
        return true;
    }
}
