package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.solver.Strategy;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Several channels competing for the same peers: every receiver kept gets all k substreams (k of
 * k + n when coded), nobody is left degraded, and the uplink is shared between the channels so
 * that the served pairs reach what the uplinks allow.
 */
class MultiChannelTest {
    /** Reasons a receiver may be left with: ejected, or set aside before planning; never degraded. */
    private static final Set<UnservedReason> WHOLE_OR_OUT = EnumSet.of(
            UnservedReason.EJECTED,
            UnservedReason.CAPACITY,
            UnservedReason.ACCESS_LIST,
            UnservedReason.NO_COMPATIBLE_SOURCE);

    @Test
    void criticalThreeChannelsKeepNoReceiverShortAndServeWhatTheSeedOrderAllows() {
        // Before the channels shared their peers' uplink and ejection checked the built trees,
        // this network left 207 receivers of its last channel with fewer than 8 substreams.
        Snapshot snapshot = critical(2000, 8, 0, 1);

        Planned planned = Planned.by(new MultiTreeStrategy(), snapshot);

        assertWholeOrOut(planned);
        PairBounds bounds = new PairBounds(planned.index());
        assertThat(served(planned)).isBetween(bounds.bySeedOrder(), bounds.upper());
    }

    @Test
    void codedChannelsGiveEveryKeptReceiverKOfItsSubstreams() {
        Snapshot snapshot = critical(1000, 4, 2, 32);

        Planned planned = Planned.by(new CodedStrategy(), snapshot);

        assertWholeOrOut(planned);
        assertThat(served(planned)).isLessThanOrEqualTo(new PairBounds(planned.index()).upper());
    }

    @Test
    void threeChannelsWithUplinkToSpareServeEveryone() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(3000)
                .withChannels(3)
                .withSubstreams(8)
                .withSeed(33));

        for (Strategy strategy : new Strategy[] {new MultiTreeStrategy(), new CodedStrategy()}) {
            Planned planned = Planned.by(strategy, snapshot);

            assertThat(planned.metrics().servedFraction()).as(strategy.name()).isEqualTo(1.0);
        }
    }

    @Test
    void aPeerInTwoChannelsGivesEachWhatItLacks() {
        // Channel a's origin has 8 of the 10 copies its 5 receivers need, channel b's only 5:
        // "both" (8 slots) must give a 2 and b 5 or 6. Planning a first on "both"'s whole
        // uplink, or on half of it, leaves b short.
        SnapshotBuilder b = SnapshotBuilder.create("two-channels")
                .region("world")
                .channel("a", 200, 2, "origin-a")
                .channel("b", 200, 2, "origin-b")
                .origin("origin-a", "world", 800)
                .origin("origin-b", "world", 500)
                .peer("both", "world", 800, "a", "b");
        for (int i = 1; i <= 4; i++) {
            b.peer("a" + i, "world", 0, "a").peer("b" + i, "world", 0, "b");
        }

        Planned planned = Planned.by(new MultiTreeStrategy(), b.build());

        assertThat(planned.plan().unserved()).isEmpty();
    }

    private static Snapshot critical(int peers, int k, int parity, long seed) {
        return NetworkGenerator.generate(GeneratorOptions.defaults(peers)
                .withChannels(3)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(k)
                .withParity(parity)
                .withSeed(seed));
    }

    private static void assertWholeOrOut(Planned planned) {
        assertThat(planned.plan().unserved())
                .allSatisfy(u -> assertThat(u.reason()).isIn(WHOLE_OR_OUT));
        assertThat(planned.metrics().channels().values())
                .extracting(ChannelMetrics::degraded)
                .containsOnly(0);
    }

    private static int served(Planned planned) {
        return planned.metrics().channels().values().stream()
                .mapToInt(ChannelMetrics::served)
                .sum();
    }
}
