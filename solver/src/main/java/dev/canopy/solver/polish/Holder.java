package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * A node holding one tree's substream: a source (the root, {@code own} empty) or a receiver
 * (its attachment is {@code own}). Its children are kept by the solver as the attachments whose
 * parent it is. {@code fresh}: a peer that has no children in this channel in the input and may
 * become interior in one of its trees (the multi-tree rule keeps it to one).
 */
@PlanningEntity
final class Holder {
    int id;
    Sender sender;
    Tree tree;
    int region;
    boolean fresh;
    Attachment own;

    @InverseRelationShadowVariable(sourceVariableName = "parent")
    List<Attachment> children = new ArrayList<>();

    Holder() {}

    Holder(Sender sender, Tree tree, int region, boolean fresh) {
        this.sender = sender;
        this.tree = tree;
        this.region = region;
        this.fresh = fresh;
    }

    /** The holder's parent in the working solution, or null for a root. */
    Holder parentHolder() {
        return own == null ? null : own.parent;
    }

    @Override
    public String toString() {
        return sender + "@" + tree.id;
    }
}
