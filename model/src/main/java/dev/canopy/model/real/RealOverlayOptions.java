package dev.canopy.model.real;

/**
 * How the deployed overlay becomes a snapshot: its one live channel's substreams k, parity n
 * and rate, and the seed of the capacity draws.
 *
 * @param substreams k, 1 to 256
 * @param parity n, 0 to 256
 * @param rateKbps the channel's rate, kbps, 1 to 10,000,000
 * @param seed the seed of every random draw: equal options give equal snapshots
 */
public record RealOverlayOptions(int substreams, int parity, long rateKbps, long seed) {
    /**
     * The default rate: the data set's dominant chunk is about 1.29 MB, which with the usual
     * 4 to 6 s HLS segments is a stream of 1.7 to 2.6 Mbit/s; 2000 kbps sits in that range.
     */
    public static final long DEFAULT_RATE_KBPS = 2000;

    public RealOverlayOptions {
        Checks.range("substreams", substreams, 1, 256);
        Checks.range("parity", parity, 0, 256);
        Checks.range("rateKbps", rateKbps, 1, 10_000_000);
    }

    /** k = 8, n = 0, {@value #DEFAULT_RATE_KBPS} kbps, seed 1. */
    public static RealOverlayOptions defaults() {
        return new RealOverlayOptions(8, 0, DEFAULT_RATE_KBPS, 1);
    }
}
