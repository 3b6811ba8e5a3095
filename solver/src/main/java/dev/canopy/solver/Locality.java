package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.util.Optional;

/**
 * The locality cost every strategy is compared on, and that {@code exact} minimises: each kbps
 * sent between two nodes costs by how far apart their regions are. Nothing inside one leaf
 * region (ISP); {@value #CROSS_REGION} across leaf regions of one country; {@value
 * #CROSS_COUNTRY} across countries (or between regions when either country is unknown). The
 * weights say that an ISP's transit bill is the first thing to save and that traffic leaving a
 * country costs several times more; they are a convention of the benchmarks, not of the spec.
 */
public final class Locality {
    /** Cost per kbps between two leaf regions of one country. */
    public static final int CROSS_REGION = 1;

    /** Cost per kbps between countries. */
    public static final int CROSS_COUNTRY = 4;

    private Locality() {}

    /** The cost per kbps of sending from one region to another. */
    public static int regionCost(SnapshotIndex index, int fromRegion, int toRegion) {
        if (fromRegion == toRegion) {
            return 0;
        }
        Optional<String> a = index.regionCountry(fromRegion);
        Optional<String> b = index.regionCountry(toRegion);
        return a.isPresent() && a.equals(b) ? CROSS_REGION : CROSS_COUNTRY;
    }

    /** The cost per kbps of an edge from one node to another. */
    public static int edgeCost(SnapshotIndex index, int parent, int child) {
        return regionCost(index, index.regionOf(parent), index.regionOf(child));
    }

    /** A plan's locality cost: over every edge of every overlay, its rate times its cost. */
    public static long planCost(SnapshotIndex index, Plan plan) {
        long total = 0;
        for (Overlay overlay : plan.overlays()) {
            for (Edge edge : overlay.edges()) {
                int parent = index.nodeIndex(edge.parent()).orElseThrow();
                int child = index.nodeIndex(edge.child()).orElseThrow();
                total += overlay.rateOf(edge) * edgeCost(index, parent, child);
            }
        }
        return total;
    }
}
