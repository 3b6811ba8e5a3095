package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.UnservedReason;
import org.junit.jupiter.api.Test;

class GeoBanRuleTest {
    /** A film from a US origin to peers in DE (one of them overriding its country to AT) and FR. */
    private static SnapshotBuilder europe() {
        return SnapshotBuilder.create("europe")
                .country("us", null, "US")
                .country("de", null, "DE")
                .country("fr", null, "FR")
                .channel("robin-hood", 1500, 1, "o1")
                .channel("news", 500, 1, "o1")
                .origin("o1", "us", 10_000)
                .peer("de-1", "de", 2000, "robin-hood", "news")
                .peer("de-2", "de", 2000, b -> b.country("AT").wants("robin-hood"))
                .peer("fr-1", "fr", 2000, "robin-hood");
    }

    @Test
    void filmIsNeverDeliveredToGermany() {
        Compiled c = Compiled.of(
                europe().build(),
                """
                  - id: no-rh-de
                    kind: geo-ban
                    channels: { ids: [robin-hood] }
                    countries: [DE]
                """);

        assertThat(c.barred("de-1", "robin-hood")).isEqualTo("no-rh-de");
        assertThat(c.barred("de-1", "news")).isEmpty();
        assertThat(c.barred("de-2", "robin-hood")).as("own country AT").isEmpty();
        assertThat(c.barred("fr-1", "robin-hood")).isEmpty();
        assertThat(c.forbids("fr-1", "de-1", "robin-hood")).isEqualTo("no-rh-de");
        assertThat(CompiledPolicies.reasonFor(c.policies.policy("no-rh-de").orElseThrow()))
                .isEqualTo(UnservedReason.GEO_BAN);
    }

    @Test
    void nodesNarrowTheCountries() {
        Compiled c = Compiled.of(
                europe().build(),
                """
                  - id: ban
                    kind: geo-ban
                    countries: [DE, AT]
                    nodes: { ids: [de-2] }
                """);

        assertThat(c.barred("de-1", "robin-hood")).isEmpty();
        assertThat(c.barred("de-2", "robin-hood")).isEqualTo("ban");
    }

    @Test
    void softGeoBanIsACostOnEdgesIntoTheCountry() {
        Compiled c = Compiled.of(
                europe().build(),
                """
                  - id: ban
                    kind: geo-ban
                    enforce: soft
                    weight: 5
                    countries: [DE]
                """);

        assertThat(c.barred("de-1", "robin-hood")).isEmpty();
        assertThat(c.cost("o1", "de-1", "robin-hood")).isEqualTo(5.0);
        assertThat(c.cost("o1", "fr-1", "robin-hood")).isZero();
    }
}
