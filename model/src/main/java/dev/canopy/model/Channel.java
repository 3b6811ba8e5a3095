package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A piece of content, live stream or file, split into {@code substreams} substreams of
 * {@code rateKbps / substreams} each, plus {@code parity} erasure-coded ones: any k of the
 * k+n substreams reconstruct the channel.
 *
 * @param rateKbps the rate every served node must receive
 * @param substreams k, at least 1
 * @param parity n, at least 0
 * @param sources the nodes that originate the channel
 * @param maxDepth the most hops from a source to any served node, if bounded
 */
public record Channel(
        String id,
        ChannelKind kind,
        @JsonProperty("class") ContentClass contentClass,
        long rateKbps,
        int substreams,
        int parity,
        List<String> sources,
        OptionalInt maxDepth) {

    public Channel {
        Objects.requireNonNull(id, "id");
        kind = kind == null ? ChannelKind.LIVE : kind;
        contentClass = contentClass == null ? ContentClass.VIDEO : contentClass;
        substreams = substreams == 0 ? 1 : substreams;
        sources = Lists.of(sources);
        maxDepth = maxDepth == null ? OptionalInt.empty() : maxDepth;
    }

    /** k + n: the number of substreams that exist. */
    public int totalSubstreams() {
        return substreams + parity;
    }

    /**
     * The rate of one substream, rounded up so that k substreams always carry the channel's
     * rate.
     */
    public long substreamRateKbps() {
        return (rateKbps + substreams - 1) / substreams;
    }

    /** A live video channel with k substreams and no parity. */
    public static Channel live(String id, long rateKbps, int substreams, List<String> sources) {
        return new Channel(
                id, ChannelKind.LIVE, ContentClass.VIDEO, rateKbps, substreams, 0, sources, OptionalInt.empty());
    }
}
