package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Tier;
import org.junit.jupiter.api.Test;

class DelayedFeedRuleTest {
    private static SnapshotBuilder tiers() {
        return SnapshotBuilder.create("tiers")
                .region("r1")
                .channel("sport", 1000, 1, "o1")
                .channel("news", 500, 1, "o1")
                .origin("o1", "r1", 10_000)
                .peer("paying", "r1", 2000, b -> b.tier(Tier.PREMIUM).wants("sport", "news"))
                .peer("free-1", "r1", 2000, b -> b.tier(Tier.FREE).wants("sport", "news"))
                .peer("free-2", "r1", 2000, b -> b.tier(Tier.FREE).wants("sport"));
    }

    private static final String DELAY =
            """
              - id: sport-delay
                kind: delayed-feed
                tiers: [free]
                channels: { ids: [sport] }
                delaySec: 30
            """;

    @Test
    void liveSportImmediatelyForPayingCustomersDelayedForTheOthers() {
        Compiled c = Compiled.of(tiers().build(), DELAY);

        assertThat(c.policies.delaySec(c.node("paying"), c.channel("sport"))).isZero();
        assertThat(c.policies.delaySec(c.node("free-1"), c.channel("sport"))).isEqualTo(30);
        assertThat(c.policies.delaySec(c.node("free-1"), c.channel("news"))).isZero();
        assertThat(c.policies.delaySec(c.node("o1"), c.channel("sport")))
                .as("servers")
                .isZero();
    }

    @Test
    void aDelayedNodeNeverFeedsAnUndelayedOne() {
        Compiled c = Compiled.of(tiers().build(), DELAY);

        assertThat(c.forbids("free-1", "paying", "sport")).isEqualTo("sport-delay");
        assertThat(c.forbids("free-1", "free-2", "sport")).isEmpty();
        assertThat(c.forbids("paying", "free-1", "sport")).isEmpty();
        assertThat(c.forbids("free-1", "paying", "news")).isEmpty();
    }

    @Test
    void aShorterDelayMayFeedALongerOne() {
        Compiled c = Compiled.of(
                tiers().build(),
                DELAY
                        + """
                  - id: premium-short-delay
                    kind: delayed-feed
                    tiers: [premium]
                    channels: { ids: [sport] }
                    delaySec: 10
                """);

        assertThat(c.forbids("paying", "free-1", "sport")).isEmpty();
        assertThat(c.forbids("free-1", "paying", "sport")).isEqualTo("sport-delay");
    }
}
