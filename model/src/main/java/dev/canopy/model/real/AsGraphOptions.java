package dev.canopy.model.real;

import java.util.Objects;

/**
 * What {@link AsGraphSnapshots#build} places on the CAIDA AS graph.
 *
 * @param peers number of peers, 1 to 20,000,000, at least {@code peerAses}
 * @param peerAses number of leaf ASes the peers are spread over, at least 1
 * @param substreams k of the one live channel, 1 to 256
 * @param parity n, 0 to 256
 * @param rateKbps the channel's rate, kbps
 * @param seed the seed of every random draw: equal options give equal snapshots
 * @param scope which ASes and relationships the snapshot keeps
 */
public record AsGraphOptions(
        int peers, int peerAses, int substreams, int parity, long rateKbps, long seed, AsScope scope) {

    public AsGraphOptions {
        Checks.range("peers", peers, 1, 20_000_000);
        Checks.range("peerAses", peerAses, 1, peers);
        Checks.range("substreams", substreams, 1, 256);
        Checks.range("parity", parity, 0, 256);
        Checks.range("rateKbps", rateKbps, 1, 10_000_000);
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * 10,000 peers over 1,000 leaf ASes, k = 8, n = 0, {@value RealOverlayOptions#DEFAULT_RATE_KBPS}
     * kbps, seed 1, {@link AsScope#PROVIDER_CLOSURE}.
     */
    public static AsGraphOptions defaults() {
        return new AsGraphOptions(
                10_000, 1_000, 8, 0, RealOverlayOptions.DEFAULT_RATE_KBPS, 1, AsScope.PROVIDER_CLOSURE);
    }

    /** A copy with other numbers of peers and peer ASes. */
    public AsGraphOptions withPeers(int count, int ases) {
        return new AsGraphOptions(count, ases, substreams, parity, rateKbps, seed, scope);
    }

    /** A copy with another scope. */
    public AsGraphOptions withScope(AsScope value) {
        return new AsGraphOptions(peers, peerAses, substreams, parity, rateKbps, seed, value);
    }

    /** A copy with another seed. */
    public AsGraphOptions withSeed(long value) {
        return new AsGraphOptions(peers, peerAses, substreams, parity, rateKbps, value, scope);
    }
}
