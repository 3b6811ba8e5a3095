package dev.canopy.solver.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UplinkSharesTest {
    @Test
    void sharesStayWithinEachUplinkAndGoOnlyToChannelsTheNodeHolds() {
        SnapshotIndex index = SnapshotIndex.of(NetworkGenerator.generate(GeneratorOptions.defaults(1500)
                .withChannels(3)
                .withMix(CapacityMix.CRITICAL)
                .withSeed(41)));

        long[][] shares = UplinkShares.split(index, false, new int[] {0, 1, 2});

        long given = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            long sum = 0;
            for (int c = 0; c < index.channelCount(); c++) {
                if (!index.wants(c, i) && !index.isSource(c, i)) {
                    assertThat(shares[c][i]).as("node %d, channel %d", i, c).isZero();
                }
                sum += shares[c][i];
            }
            assertThat(sum).isLessThanOrEqualTo(index.node(i).uplinkKbps());
            given += sum;
        }
        assertThat(given).isPositive();
    }

    @Test
    void aLiveChannelGetsAPeersUplinkBeforeAFile() {
        // "both" (3 slots of 100 kbps) is the only relay either channel has besides its origin's
        // 2 slots; each channel needs 4 copies (2 receivers x 2), 5 slots are left for 8 copies:
        // the live channel must get the 2 it lacks, even when the file is planned first.
        SnapshotIndex index = SnapshotIndex.of(SnapshotBuilder.create("live-first")
                .region("world")
                .channel(new Channel(
                        "file",
                        ChannelKind.FILE,
                        ContentClass.VIDEO,
                        200,
                        2,
                        0,
                        List.of("origin-f"),
                        OptionalInt.empty()))
                .channel("tv", 200, 2, "origin-t")
                .origin("origin-f", "world", 200)
                .origin("origin-t", "world", 200)
                .peer("both", "world", 300, "file", "tv")
                .peer("f1", "world", 0, "file")
                .peer("t1", "world", 0, "tv")
                .build());
        int both = index.nodeIndex("both").orElseThrow();

        long[][] shares = UplinkShares.split(index, false, new int[] {0, 1});

        assertThat(shares[1][both]).isGreaterThanOrEqualTo(200);
        assertThat(shares[0][both]).isLessThanOrEqualTo(100);
    }
}
