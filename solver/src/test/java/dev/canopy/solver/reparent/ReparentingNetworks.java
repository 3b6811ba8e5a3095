package dev.canopy.solver.reparent;

import dev.canopy.model.SnapshotBuilder;

/** The hand networks of the re-parenting tests: two countries, three ISPs, no nodes yet. */
final class ReparentingNetworks {
    private ReparentingNetworks() {}

    /** isp-a and isp-b in DE, isp-c in FR; 2 ms to their countries, 20 ms between the countries. */
    static SnapshotBuilder germanyAndFrance(String id) {
        return SnapshotBuilder.create(id)
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("isp-a", "de")
                .region("isp-b", "de")
                .region("isp-c", "fr")
                .link("la", "isp-a", "de", 2)
                .link("lb", "isp-b", "de", 2)
                .link("lc", "isp-c", "fr", 2)
                .link("x", "de", "fr", 20);
    }
}
