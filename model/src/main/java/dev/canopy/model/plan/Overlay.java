package dev.canopy.model.plan;

import dev.canopy.model.Lists;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The edges that carry one channel's substream (a {@code tree}) or the whole channel (a
 * {@code mesh}).
 *
 * @param substream the substream index for trees, 0 &lt;= i &lt; k+n
 * @param rateKbps the rate every edge carries unless the edge states its own
 */
public record Overlay(String channel, OverlayKind kind, OptionalInt substream, long rateKbps, List<Edge> edges) {

    public Overlay {
        Objects.requireNonNull(channel, "channel");
        kind = kind == null ? OverlayKind.TREE : kind;
        substream = substream == null ? OptionalInt.empty() : substream;
        edges = Lists.of(edges);
    }

    /** A tree overlay for one substream. */
    public static Overlay tree(String channel, int substream, long rateKbps, List<Edge> edges) {
        return new Overlay(channel, OverlayKind.TREE, OptionalInt.of(substream), rateKbps, edges);
    }

    /** A mesh overlay carrying the whole channel. */
    public static Overlay mesh(String channel, long rateKbps, List<Edge> edges) {
        return new Overlay(channel, OverlayKind.MESH, OptionalInt.empty(), rateKbps, edges);
    }

    /** The rate an edge of this overlay carries. */
    public long rateOf(Edge edge) {
        return edge.rateKbps().orElse(rateKbps);
    }
}
