package dev.canopy.solver.bench;

import dev.canopy.model.Channel;
import dev.canopy.model.Snapshot;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The same network with its channels changed, for the bisection over the rate and the parity
 * variants of resilience: nodes, uplinks, regions and links stay as they are, and so does the
 * snapshot id (plans name it).
 */
final class SnapshotVariants {
    private SnapshotVariants() {}

    /** Every channel at the given rate, k and parity kept. */
    static Snapshot withRate(Snapshot snapshot, long rateKbps) {
        return mapChannels(
                snapshot,
                c -> new Channel(
                        c.id(),
                        c.kind(),
                        c.contentClass(),
                        rateKbps,
                        c.substreams(),
                        c.parity(),
                        c.sources(),
                        c.maxDepth()));
    }

    /** Every channel with the given number of parity substreams, rate and k kept. */
    static Snapshot withParity(Snapshot snapshot, int parity) {
        return mapChannels(
                snapshot,
                c -> new Channel(
                        c.id(),
                        c.kind(),
                        c.contentClass(),
                        c.rateKbps(),
                        c.substreams(),
                        parity,
                        c.sources(),
                        c.maxDepth()));
    }

    private static Snapshot mapChannels(Snapshot s, UnaryOperator<Channel> change) {
        List<Channel> channels = s.channels().stream().map(change).toList();
        return new Snapshot(
                s.format(), s.id(), s.takenAt(), s.regions(), s.links(), channels, s.nodes(), s.defaultLatencyMs());
    }
}
