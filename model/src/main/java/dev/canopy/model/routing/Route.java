package dev.canopy.model.routing;

import java.util.Arrays;

/**
 * The path traffic takes from one region to another: the links crossed in order, with the
 * direction of each (from end {@code a} to end {@code b}, or back), and its latency. A route
 * inside one region, or between regions attached to the same linked ancestor, crosses no link;
 * an implicit transit route crosses no modelled link either and has the default latency.
 */
public final class Route {
    private final int from;
    private final int to;
    private final int[] links;
    private final boolean[] aToB;
    private final long micros;
    private final boolean implicit;

    Route(int from, int to, int[] links, boolean[] aToB, long micros, boolean implicit) {
        this.from = from;
        this.to = to;
        this.links = links;
        this.aToB = aToB;
        this.micros = micros;
        this.implicit = implicit;
    }

    static Route inside(int region) {
        return new Route(region, region, new int[0], new boolean[0], 0, false);
    }

    static Route attached(int from, int to) {
        return new Route(from, to, new int[0], new boolean[0], 0, false);
    }

    static Route implicit(int from, int to, long micros) {
        return new Route(from, to, new int[0], new boolean[0], micros, true);
    }

    public int fromRegion() {
        return from;
    }

    public int toRegion() {
        return to;
    }

    /** Number of links crossed. */
    public int hops() {
        return links.length;
    }

    /** The i-th link crossed (a link index of the snapshot). */
    public int link(int i) {
        return links[i];
    }

    /** Whether the i-th link is crossed from its end {@code a} to its end {@code b}. */
    public boolean aToB(int i) {
        return aToB[i];
    }

    /** Latency in milliseconds. */
    public double latencyMs() {
        return micros / 1000.0;
    }

    /** Whether traffic takes the implicit unbounded transit path (no modelled path exists). */
    public boolean isImplicitTransit() {
        return implicit;
    }

    /** The link indexes crossed, in order. */
    public int[] links() {
        return links.clone();
    }

    @Override
    public String toString() {
        return "Route[" + from + "->" + to + " links=" + Arrays.toString(links) + " aToB=" + Arrays.toString(aToB)
                + " ms=" + latencyMs() + (implicit ? " implicit" : "") + "]";
    }
}
