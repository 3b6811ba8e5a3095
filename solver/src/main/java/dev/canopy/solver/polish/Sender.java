package dev.canopy.solver.polish;

import dev.canopy.model.Node;

/**
 * A node as a sender in the polished trees: its uplink left for them (its uplink less what the
 * plan's other overlays send), in kbps. One per node, shared by its holders in every tree;
 * immutable, equal by identity (it is a group key of the uplink constraint).
 */
final class Sender {
    final int node;
    final Node model;
    final long budgetKbps;

    Sender(int node, Node model, long budgetKbps) {
        this.node = node;
        this.model = model;
        this.budgetKbps = budgetKbps;
    }

    @Override
    public String toString() {
        return model.id();
    }
}
