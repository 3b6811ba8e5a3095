package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The verifier's links rules, each on a small snapshot built in code. */
class PlanVerifierLinksTest {
    /** de and fr joined by de-fr: 3000 kbps each way, 1500 of it used from outside. */
    private Snapshot twoCountries() {
        // p1, p2 in fr; o1, p3, p4 in dt under de
        return SnapshotBuilder.create("links")
                .region("eu")
                .country("de", "eu", "DE")
                .country("fr", "eu", "FR")
                .region("dt", "de")
                .link(new Link(
                        "de-fr",
                        "de",
                        "fr",
                        LinkKind.PEERING,
                        OptionalLong.of(3000),
                        10.0,
                        1500,
                        OptionalDouble.empty()))
                .channel("live", 1000, 1, "o1")
                .origin("o1", "dt", 5000)
                .peer("p1", "fr", 3000, "live")
                .peer("p2", "fr", 1000, "live")
                .peer("p3", "dt", 1000, "live")
                .peer("p4", "dt", 1000, "live")
                .build();
    }

    @Test
    void linkOverCapacityIsReported() {
        Snapshot s = twoCountries();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2", "o1>p3", "o1>p4")))
                .isEmpty();
        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>p3", "o1>p4")))
                .containsExactly(
                        violation(
                                Rule.LINK_CAPACITY,
                                null,
                                null,
                                "link \"de-fr\" de->fr carries 2000 kbps of plan traffic + 1500 kbps outside load, capacity 3000 kbps"));
    }

    @Test
    void eachDirectionHasItsOwnCapacity() {
        Snapshot s = twoCountries();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2", "p1>p3", "p1>p4")))
                .containsExactly(
                        violation(
                                Rule.LINK_CAPACITY,
                                null,
                                null,
                                "link \"de-fr\" fr->de carries 2000 kbps of plan traffic + 1500 kbps outside load, capacity 3000 kbps"));
    }

    @Test
    void outsideLoadAloneIsNotThePlansViolation() {
        Snapshot s = SnapshotBuilder.create("busy")
                .region("a")
                .region("b")
                .link(new Link(
                        "a-b", "a", "b", LinkKind.TRANSIT, OptionalLong.of(1000), 10.0, 2000, OptionalDouble.empty()))
                .channel("live", 1000, 1, "o1")
                .origin("o1", "a", 5000)
                .peer("p1", "a", 1000, "live")
                .build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1"))).isEmpty();
    }

    @Test
    void everyLinkOnTheRouteIsLoaded() {
        // a - b - c in a line; c1 sits under c and uses c's links
        Snapshot s = SnapshotBuilder.create("line")
                .region("a")
                .region("b")
                .region("c")
                .region("c1", "c")
                .link("a-b", "a", "b", 5)
                .link("b-c", "b", "c", 5, 1500)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "a", 5000)
                .peer("p1", "c1", 1000, "live")
                .peer("p2", "c1", 1000, "live")
                .build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "p1>p2")))
                .isEmpty();
        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2")))
                .containsExactly(
                        violation(
                                Rule.LINK_CAPACITY,
                                null,
                                null,
                                "link \"b-c\" b->c carries 2000 kbps of plan traffic + 0 kbps outside load, capacity 1500 kbps"));
    }
}
