package dev.canopy.solver.bench;

import dev.canopy.model.real.AsGraphOptions;
import dev.canopy.model.real.DataDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real networks of the suites, built from {@code ../shared/data} at run time: the deployed
 * P2P live-streaming overlay's 5,275 peers (with the overlay it actually ran as the reference
 * plan {@code deployed}) and CAIDA's AS graph (10,000 peers over 1,000 leaf ASes and their
 * providers). One instance per seed; the seed varies the strategies and the failure sample, not
 * the network. When the data is absent they are left out with a printed note.
 */
final class RealNetworks {
    private RealNetworks() {}

    /** The real instances for seeds 1..{@code seeds}, or none (with a note) when the data is absent. */
    static List<BenchInstance> instances(Optional<Path> dataDir, int seeds, AsGraphOptions asGraph) {
        if (dataDir.isEmpty()) {
            System.err.println("bench: " + DataDirectory.missingMessage());
            return List.of();
        }
        List<BenchInstance> out = new ArrayList<>();
        OverlayInstance.Source overlay = new OverlayInstance.Source(dataDir.get());
        for (int s = 1; s <= seeds; s++) {
            out.add(new OverlayInstance(overlay, s));
        }
        for (int s = 1; s <= seeds; s++) {
            out.add(new AsGraphInstance(dataDir.get(), asGraph, s));
        }
        return out;
    }
}
