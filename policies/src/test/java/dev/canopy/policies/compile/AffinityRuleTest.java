package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.SnapshotBuilder;
import org.junit.jupiter.api.Test;

class AffinityRuleTest {
    /** At 20:00 UTC: 15:00 in New York (us-friend), 21:00 in Berlin (de-friend). */
    private static SnapshotBuilder friends() {
        return SnapshotBuilder.create("friends")
                .takenAt("2026-11-21T20:00:00Z")
                .country("us", null, "US")
                .country("de", null, "DE")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "us", 10_000)
                .peer("us-friend", "us", 2000, b -> b.groups("friends").wants("live"))
                .peer("de-friend", "de", 2000, b -> b.groups("friends").wants("live"))
                .peer("stranger", "us", 2000, "live");
    }

    @Test
    void onlyServesMembersAlwaysAndStrangersNever() {
        Compiled c = Compiled.of(
                friends().build(),
                """
                  - id: friends-only
                    kind: affinity
                    group: friends
                    mode: only
                """);

        assertThat(c.forbids("us-friend", "stranger", "live")).isEqualTo("friends-only");
        assertThat(c.forbids("us-friend", "de-friend", "live")).isEmpty();
        assertThat(c.forbids("stranger", "us-friend", "live"))
                .as("strangers may give")
                .isEmpty();
        assertThat(c.forbids("o1", "stranger", "live")).isEmpty();
    }

    @Test
    void hoursAreTheMembersLocalTime() {
        Compiled c = Compiled.of(
                friends().build(),
                """
                  - id: evenings
                    kind: affinity
                    group: friends
                    mode: only
                    hours: 18:00-23:00
                """);

        assertThat(c.forbids("de-friend", "stranger", "live"))
                .as("21:00 in Berlin")
                .isEqualTo("evenings");
        assertThat(c.forbids("us-friend", "stranger", "live"))
                .as("15:00 in New York")
                .isEmpty();
    }

    @Test
    void tzOverridesTheCountrysZone() {
        Compiled c = Compiled.of(
                friends().build(),
                """
                  - id: evenings
                    kind: affinity
                    group: friends
                    mode: only
                    hours: 18:00-23:00
                    tz: Europe/Berlin
                """);

        assertThat(c.forbids("us-friend", "stranger", "live")).isEqualTo("evenings");
    }

    @Test
    void preferIsACostNotAFilter() {
        Compiled c = Compiled.of(
                friends().build(),
                """
                  - id: friends-first
                    kind: affinity
                    group: friends
                    mode: prefer
                    weight: 3
                """);

        assertThat(c.forbids("us-friend", "stranger", "live")).isEmpty();
        assertThat(c.cost("us-friend", "stranger", "live")).isEqualTo(3.0);
        assertThat(c.cost("us-friend", "de-friend", "live")).isZero();
        assertThat(c.cost("o1", "stranger", "live")).isZero();
    }
}
