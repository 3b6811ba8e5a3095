package dev.canopy.solver.baseline;

import dev.canopy.model.SnapshotIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per node, the keys it is pooled under: its leaf region, its region's country (a dense number,
 * -1 when no region above it names one) and one key shared by everyone; and whether it is
 * lightweight. Built once per planning call; the arrays are not to be changed.
 */
record NodeKeys(int[] region, int regions, int[] country, int countries, int[] everyone, boolean[] lightweight) {

    static NodeKeys of(SnapshotIndex index) {
        int nodes = index.nodeCount();
        int[] region = new int[nodes];
        int[] country = new int[nodes];
        boolean[] lightweight = new boolean[nodes];
        Map<String, Integer> countryIds = new HashMap<>();
        int[] regionCountry = new int[index.regionCount()];
        for (int r = 0; r < regionCountry.length; r++) {
            Optional<String> code = index.regionCountry(r);
            regionCountry[r] = code.isPresent() ? countryIds.computeIfAbsent(code.get(), k -> countryIds.size()) : -1;
        }
        for (int i = 0; i < nodes; i++) {
            region[i] = index.regionOf(i);
            country[i] = regionCountry[region[i]];
            lightweight[i] = index.node(i).isLightweight();
        }
        return new NodeKeys(region, index.regionCount(), country, countryIds.size(), new int[nodes], lightweight);
    }
}
