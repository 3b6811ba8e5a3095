package dev.canopy.solver.polish;

/**
 * One direction of a capped link and the kbps it has left for the polished trees (its capacity
 * less its outside load and the plan's other overlays). Immutable, equal by identity (a group
 * key of the link constraint).
 */
final class LinkDirection {
    final String link;
    final boolean aToB;
    final long spareKbps;

    LinkDirection(String link, boolean aToB, long spareKbps) {
        this.link = link;
        this.aToB = aToB;
        this.spareKbps = spareKbps;
    }

    @Override
    public String toString() {
        return link + (aToB ? " a->b" : " b->a");
    }
}
