package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import java.util.ArrayList;
import java.util.List;

/**
 * Clones a {@link PolishSolution} without reflection: the solver clones the working solution at every new best
 * one, and the generic cloner spent most of the search's time doing so. Holders, attachments
 * and trees are copied and their references mapped through their positions ({@code id});
 * senders and the network are shared (immutable). Public only because the solver instantiates
 * it; stateless.
 */
public final class PolishSolutionCloner implements SolutionCloner<PolishSolution> {

    @Override
    public PolishSolution cloneSolution(PolishSolution original) {
        List<Tree> trees = new ArrayList<>(original.trees.size());
        for (Tree tree : original.trees) {
            trees.add(new Tree(tree.id, tree.channel, tree.depthBound, 0, 0));
        }
        List<Holder> holders = new ArrayList<>(original.holders.size());
        for (Holder h : original.holders) {
            Holder copy = new Holder(h.sender, trees.get(h.tree.index), h.region, h.fresh);
            copy.id = h.id;
            holders.add(copy);
        }
        List<Attachment> attachments = new ArrayList<>(original.attachments.size());
        for (Attachment a : original.attachments) {
            Attachment copy = new Attachment();
            copy.id = a.id;
            copy.self = holders.get(a.self.id);
            copy.rateKbps = a.rateKbps;
            copy.inputCost = a.inputCost;
            copy.network = a.network;
            copy.parent = a.parent == null ? null : holders.get(a.parent.id);
            copy.closer = map(a.closer, holders);
            attachments.add(copy);
        }
        for (Holder h : original.holders) {
            Holder copy = holders.get(h.id);
            copy.own = h.own == null ? null : attachments.get(h.own.id);
            copy.children = new ArrayList<>(h.children.size());
            for (Attachment child : h.children) {
                copy.children.add(attachments.get(child.id));
            }
        }
        for (Tree tree : original.trees) {
            Tree copy = trees.get(tree.index);
            copy.index = tree.index;
            copy.parents.holders = map(tree.parents.holders, holders);
            for (Tree.Pool pool : tree.byRegion) {
                copy.byRegion.add(mapPool(pool, holders));
            }
            for (Tree.Pool pool : tree.byCountry) {
                copy.byCountry.add(mapPool(pool, holders));
            }
        }
        PolishSolution clone = new PolishSolution(attachments, holders, trees);
        clone.score = original.score;
        return clone;
    }

    private static Tree.Pool mapPool(Tree.Pool pool, List<Holder> holders) {
        Tree.Pool copy = new Tree.Pool();
        copy.holders = map(pool.holders, holders);
        return copy;
    }

    private static List<Holder> map(List<Holder> from, List<Holder> holders) {
        List<Holder> out = new ArrayList<>(from.size());
        for (Holder h : from) {
            out.add(holders.get(h.id));
        }
        return out;
    }
}
