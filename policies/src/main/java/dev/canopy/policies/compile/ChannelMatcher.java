package dev.canopy.policies.compile;

import dev.canopy.model.Channel;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.ChannelSelector;
import java.util.Objects;

/**
 * The channels a {@link ChannelSelector} selects: every given field ({@code ids}, {@code
 * kind}, {@code class}) must match; the empty selector selects every channel. Immutable and
 * thread-safe.
 */
public final class ChannelMatcher {
    private final ChannelSelector selector;

    private ChannelMatcher(ChannelSelector selector) {
        this.selector = selector;
    }

    /** A matcher for a selector. */
    public static ChannelMatcher of(ChannelSelector selector) {
        return new ChannelMatcher(Objects.requireNonNull(selector, "selector"));
    }

    /** Whether the selector selects the channel. */
    public boolean matches(Channel channel) {
        return (selector.ids().isEmpty() || selector.ids().contains(channel.id()))
                && (selector.kind().isEmpty() || selector.kind().contains(channel.kind()))
                && (selector.contentClass().isEmpty() || selector.contentClass().contains(channel.contentClass()));
    }

    /** Which channel numbers of an index the selector selects, indexed by channel number. */
    public boolean[] over(SnapshotIndex index) {
        boolean[] out = new boolean[index.channelCount()];
        for (int c = 0; c < out.length; c++) {
            out[c] = matches(index.channel(c));
        }
        return out;
    }
}
