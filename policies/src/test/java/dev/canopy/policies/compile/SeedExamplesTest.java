package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.Tier;
import dev.canopy.model.io.Documents;
import dev.canopy.model.policy.PolicyKind;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every policy example of the seed, written in {@code fixtures/policies/seed-examples.yaml} for
 * {@code snapshots/seed-network.json} (taken at 20:00 UTC: 15:00 in New York), compiled and
 * asked what it allows, forbids and caps.
 */
class SeedExamplesTest {
    private static Compiled seed;

    @BeforeAll
    static void compile() {
        Snapshot snapshot = Documents.readSnapshot(Fixtures.path("snapshots/seed-network.json"));
        seed = Compiled.of(
                snapshot,
                Documents.readPolicies(Fixtures.path("policies/seed-examples.yaml"))
                        .value());
    }

    @Test
    void everyKindIsExpressed() {
        assertThat(seed.policies.policies().stream().map(p -> p.kind()).distinct())
                .containsExactlyInAnyOrder(PolicyKind.values());
        assertThat(Arrays.stream(PolicyKind.values())).hasSize(15);
    }

    @Test
    void sportingEventCapOnSp2sLinkFromSp1() {
        // c201 (sp1) to c211 (sp2) crosses sp1-sp2 from a to b
        Compiled.Ledger ledger = seed.ledger();
        for (int i = 0; i < 15; i++) {
            ledger.reserve("c201", "c211", "soccer", i % 5, 1200);
        }
        assertThat(ledger.exceeds("c201", "c215", "soccer", 0, 1200)).isEmpty();
        ledger.reserve("c201", "c215", "soccer", 0, 1200);
        assertThat(ledger.exceeds("c201", "c216", "soccer", 1, 800)).isEmpty();
        assertThat(ledger.exceeds("c201", "c216", "soccer", 1, 801)).isEqualTo("sp2-soccer-20mbps");
        assertThat(ledger.exceeds("c211", "c201", "soccer", 1, 1200))
                .as("b to a")
                .isEmpty();
    }

    @Test
    void sp3sAggregateVideoCapCountsLiveAndFiles() {
        Compiled.Ledger ledger = seed.ledger().reserve("cdn-144", "c221", "soccer", 0, 28_000);

        assertThat(ledger.exceeds("cdn-142", "c182", "robin-hood", 0, 2001)).isEqualTo("sp3-video");
        assertThat(ledger.exceeds("c221", "c224", "soccer", 0, 5000))
                .as("inside sp3")
                .isEmpty();
        assertThat(ledger.exceeds("cdn-402", "c184", "pop-tune", 0, 5000))
                .as("audio")
                .isEmpty();
    }

    @Test
    void internalLinkLimitForVideo() {
        Compiled.Ledger ledger = seed.ledger().reserve("c201", "c202", "soccer", 0, 9000);

        assertThat(ledger.exceeds("c170", "c174", "soccer", 1, 1001)).isEqualTo("sp1-internal-video");
        assertThat(ledger.exceeds("c170", "c203", "pop-tune", 0, 1001)).isEmpty();
    }

    @Test
    void filmNeverDistributedToGermany() {
        assertThat(seed.barred("c182", "robin-hood")).isEqualTo("no-rh-de");
        assertThat(seed.barred("c176", "robin-hood")).isEmpty();
        assertThat(seed.barred("c184", "hamlet")).isEmpty();
    }

    @Test
    void sportDelayedForTheFreeTier() {
        assertThat(seed.policies.delaySec(seed.node("c174"), seed.channel("soccer")))
                .isEqualTo(30);
        assertThat(seed.policies.delaySec(seed.node("c170"), seed.channel("soccer")))
                .isZero();
        assertThat(seed.forbids("c212", "c211", "soccer")).isEqualTo("soccer-delay-free");
        assertThat(seed.forbids("c211", "c212", "soccer")).isEmpty();
    }

    @Test
    void oneStreamIntoGlobex() {
        Compiled.Ledger ledger = seed.ledger().reserve("c221", "globex-01", "soccer", 2, 300);

        assertThat(ledger.exceeds("c224", "globex-02", "soccer", 2, 300)).isEqualTo("globex-one-stream");
        assertThat(ledger.exceeds("globex-01", "globex-02", "soccer", 2, 300)).isEmpty();
    }

    @Test
    void twoStreamsIntoAcmeOverDifferentIsps() {
        Compiled.Ledger ledger = seed.ledger().reserve("c201", "acme-01", "soccer", 0, 300);

        assertThat(ledger.exceeds("c170", "acme-02", "soccer", 0, 300))
                .as("sp1 again")
                .isEqualTo("acme-two-streams");
        assertThat(ledger.exceeds("c211", "acme-02", "soccer", 0, 300))
                .as("via sp2")
                .isEmpty();
    }

    @Test
    void acmeGetsVideoViaSp1BeforeSp2() {
        assertThat(seed.cost("c211", "acme-01", "soccer")).isGreaterThan(seed.cost("c201", "acme-01", "soccer"));
    }

    @Test
    void audioFromSp1ToSp2StaysBelowOneGbps() {
        Compiled.Ledger ledger = seed.ledger();

        assertThat(ledger.exceeds("c203", "c213", "pop-tune", 0, 1_000_000)).isEmpty();
        assertThat(ledger.exceeds("c203", "c213", "pop-tune", 0, 1_000_001)).isEqualTo("sp1-sp2-audio");
    }

    @Test
    void dataCentreSourcesWhileUnderTheMonthlyQuota() {
        // sp1-bb132 has carried 8250.5 GB of its 10000
        assertThat(seed.cost("cdn-142", "c176", "robin-hood")).isLessThan(seed.cost("c180", "c176", "robin-hood"));
    }

    @Test
    void premiumCustomersPreferred() {
        TierPriority priority = seed.policies.priority().orElseThrow();

        assertThat(priority.rank(Tier.PREMIUM)).isLessThan(priority.rank(Tier.FREE));
        assertThat(priority.preempt()).isTrue();
    }

    @Test
    void phoneOnlyExchangesWithItsOwnersDesktop() {
        assertThat(seed.forbids("c206", "c207", "soccer")).isEmpty();
        assertThat(seed.forbids("c201", "c207", "soccer")).isEqualTo("carol-phone");
        assertThat(seed.forbids("c207", "c201", "soccer")).isEqualTo("carol-phone");
    }

    @Test
    void friendsServeMembersAlwaysAndStrangersNever() {
        assertThat(seed.forbids("c172", "c203", "soccer")).isEmpty();
        assertThat(seed.forbids("c172", "c201", "soccer")).isEqualTo("friends-only");
    }

    @Test
    void desktopServesWithinOfficeHoursWithHalfItsUplink() {
        assertThat(seed.forbids("c206", "c201", "soccer"))
                .as("15:00 in New York")
                .isEmpty();
        Compiled.Ledger ledger = seed.ledger().reserve("c206", "c207", "soccer", 0, 1200);

        assertThat(ledger.exceeds("c206", "c201", "soccer", 1, 301)).isEqualTo("carol-desktop-hours");
    }

    @Test
    void ageRatingDeniesHamlet() {
        assertThat(seed.barred("c222", "hamlet")).isEqualTo("hamlet-age-rating");
    }

    @Test
    void premiumShallowAndNoParityInSp3() {
        assertThat(seed.policies.maxDepth(seed.node("c170"), seed.channel("soccer")))
                .hasValue(3);
        assertThat(seed.policies.parity(seed.node("c221"), seed.channel("soccer")))
                .hasValue(0);
        assertThat(seed.policies.parity(seed.node("c170"), seed.channel("soccer")))
                .isEmpty();
    }

    @Test
    void theRelaxableCapIsOfferedOnlyToNodesItBinds() {
        assertThat(seed.policies.relaxable(seed.node("c211"), seed.channel("soccer"), Relaxations.none()))
                .extracting(p -> p.id())
                .containsExactly("sp2-soccer-20mbps");
        assertThat(seed.policies.relaxable(seed.node("c176"), seed.channel("robin-hood"), Relaxations.none()))
                .isEmpty();
    }
}
