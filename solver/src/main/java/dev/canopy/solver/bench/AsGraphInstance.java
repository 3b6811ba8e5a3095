package dev.canopy.solver.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.real.AsGraphOptions;
import dev.canopy.model.real.AsGraphSnapshots;
import java.nio.file.Path;

/**
 * CAIDA's AS graph (2024-08-01) as a bench instance: peers spread over leaf ASes, the regions
 * and links of those ASes and all their providers ({@link dev.canopy.model.real.AsScope}). The
 * network is built with the options' own seed for every bench seed.
 */
record AsGraphInstance(Path dataDir, AsGraphOptions options, long seed) implements BenchInstance {

    @Override
    public String name() {
        return "as-graph-n" + options.peers() + "-s" + seed;
    }

    @Override
    public String family() {
        return "as-graph";
    }

    @Override
    public int peers() {
        return options.peers();
    }

    @Override
    public int substreams() {
        return options.substreams();
    }

    @Override
    public int parity() {
        return options.parity();
    }

    @Override
    public Snapshot build() {
        return AsGraphSnapshots.build(dataDir, options);
    }
}
