package dev.canopy.solver.multitree;

import dev.canopy.model.routing.Route;
import dev.canopy.solver.Resources;
import java.util.Arrays;

/**
 * The link side of one tree built in parallel with the channel's others ({@link TreeForks}): the
 * shared {@link Resources} are only read, as the trees before this one left them uncounted; the
 * tree's own edges are counted here, per link direction, and every route check that found room
 * notes the least room it relied on, so that {@link TreeForks} can tell whether the capacity the
 * earlier trees take would have refused any of them. Arrays indexed by link number; not
 * thread-safe, one per tree.
 */
final class ForkLinks {
    private final Resources resources;
    /** Per link: kbps this tree's edges take, from end a to end b and back. */
    final long[] usedAToB;

    final long[] usedBToA;
    /** Per link: the least kbps left above a checked edge's rate on a route found open (Long.MAX_VALUE for none). */
    final long[] leastRoomAToB;

    final long[] leastRoomBToA;

    ForkLinks(Resources resources, int links) {
        this.resources = resources;
        usedAToB = new long[links];
        usedBToA = new long[links];
        leastRoomAToB = new long[links];
        leastRoomBToA = new long[links];
        Arrays.fill(leastRoomAToB, Long.MAX_VALUE);
        Arrays.fill(leastRoomBToA, Long.MAX_VALUE);
    }

    /** As {@link Resources#pathHas}, with this tree's edges taken off; notes the room relied on. */
    boolean pathHas(int parent, int child, long kbps) {
        if (!resources.crossesBoundLinks(parent, child)) {
            return true;
        }
        Route route = resources.route(parent, child);
        for (int i = 0; i < route.hops(); i++) {
            if (room(route, i) < kbps) {
                return false;
            }
        }
        for (int i = 0; i < route.hops(); i++) {
            int link = route.link(i);
            long left = room(route, i) - kbps;
            if (route.aToB(i)) {
                leastRoomAToB[link] = Math.min(leastRoomAToB[link], left);
            } else {
                leastRoomBToA[link] = Math.min(leastRoomBToA[link], left);
            }
        }
        return true;
    }

    private long room(Route route, int hop) {
        int link = route.link(hop);
        return route.aToB(hop)
                ? resources.linkSpare(link, true) - usedAToB[link]
                : resources.linkSpare(link, false) - usedBToA[link];
    }

    /** Counts an edge of this tree on its route's links (what {@link Resources#reserve} would take there). */
    void take(int parent, int child, long kbps) {
        if (!resources.crossesBoundLinks(parent, child)) {
            return;
        }
        Route route = resources.route(parent, child);
        for (int i = 0; i < route.hops(); i++) {
            if (route.aToB(i)) {
                usedAToB[route.link(i)] += kbps;
            } else {
                usedBToA[route.link(i)] += kbps;
            }
        }
    }
}
