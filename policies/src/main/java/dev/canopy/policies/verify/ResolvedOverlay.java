package dev.canopy.policies.verify;

import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;

/**
 * An overlay whose edges are resolved to node numbers; edges naming unknown nodes are left
 * out (and reported once).
 */
record ResolvedOverlay(
        Overlay overlay,
        int channel,
        int[] parents,
        int[] children,
        long[] rates,
        int[] clubs,
        Initiator[] initiators) {

    int size() {
        return parents.length;
    }
}
