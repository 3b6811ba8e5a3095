package dev.canopy.solver.replan;

import dev.canopy.solver.Resources;

/**
 * Whether the route between two nodes' regions has a rate left on every link ({@link
 * Resources#pathHas}), remembered for the last (parent region, child region, rate) asked until a
 * link's load changes. An orphan's candidate parents come region by region from {@link
 * SpareUplink}, so one route lookup answers all of a region's candidates. {@link State} calls
 * {@link #loadsChanged} whenever it reserves, releases or resizes a link. Not thread-safe.
 */
final class LinkRoom {
    private final Resources ledger;
    private final Network net;
    private boolean known;
    private int from;
    private int to;
    private long kbps;
    private boolean room;

    LinkRoom(Resources ledger, Network net) {
        this.ledger = ledger;
        this.net = net;
    }

    /** Whether every link from the parent's region to the child's has {@code rate} kbps left. */
    boolean has(int parent, int child, long rate) {
        int a = net.region(parent);
        int b = net.region(child);
        if (!known || a != from || b != to || rate != kbps) {
            room = ledger.pathHas(parent, child, rate);
            known = true;
            from = a;
            to = b;
            kbps = rate;
        }
        return room;
    }

    /** Forgets the remembered answer: some link's load or capacity changed. */
    void loadsChanged() {
        known = false;
    }
}
