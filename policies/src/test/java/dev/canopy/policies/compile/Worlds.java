package dev.canopy.policies.compile;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.SnapshotBuilder;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small snapshots for the policy kinds' tests (3 to 5 nodes each). */
final class Worlds {
    private Worlds() {}

    /**
     * Two ISP regions {@code sp1} and {@code sp2} (US) joined by link {@code sp1-sp2} (peering,
     * 50 Mbps, 4 Mbps outside load, 900 GB this month); origin {@code o1} in sp1; peers
     * {@code p1} (sp1), {@code p2}, {@code p3} (sp2). Channels: {@code live} (video, 1000 kbps,
     * k=2, n=1) and {@code radio} (audio, 100 kbps).
     */
    static SnapshotBuilder twoIsps() {
        return SnapshotBuilder.create("two-isps")
                .country("us", null, "US")
                .region("sp1", "us")
                .region("sp2", "us")
                .link(new Link(
                        "sp1-sp2",
                        "sp1",
                        "sp2",
                        LinkKind.PEERING,
                        OptionalLong.of(50_000),
                        5.0,
                        4_000,
                        OptionalDouble.of(900)))
                .channel(new Channel(
                        "live", ChannelKind.LIVE, ContentClass.VIDEO, 1000, 2, 1, List.of("o1"), OptionalInt.empty()))
                .channel(new Channel(
                        "radio", ChannelKind.LIVE, ContentClass.AUDIO, 100, 1, 0, List.of("o1"), OptionalInt.empty()))
                .origin("o1", "sp1", 10_000)
                .peer("p1", "sp1", 2000, "live", "radio")
                .peer("p2", "sp2", 2000, "live", "radio")
                .peer("p3", "sp2", 2000, "live", "radio");
    }
}
