package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.policy.Policy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelaxationTest {
    private static final String POLICIES =
            """
              - id: cap
                kind: link-cap
                link: sp1-sp2
                maxKbps: 5000
                relaxable: true
                rank: 2
              - id: no-sp2
                kind: deny
                nodes: { regions: [sp2] }
                relaxable: true
                rank: 1
              - id: fixed
                kind: deny
                nodes: { ids: [p3] }
                channels: { ids: [radio] }
            """;

    @Test
    void relaxablePoliciesBindingANodeComeLowestRankFirst() {
        Compiled c = Compiled.of(Worlds.twoIsps().build(), POLICIES);

        assertThat(c.policies.relaxable(c.node("p2"), c.channel("live"), Relaxations.none()))
                .extracting(Policy::id)
                .containsExactly("no-sp2", "cap");
        assertThat(c.policies.relaxable(c.node("p1"), c.channel("live"), Relaxations.none()))
                .extracting(Policy::id)
                .containsExactly("cap");
    }

    @Test
    void aLiftedPolicyNoLongerBindsThatNodeOnly() {
        Compiled c = Compiled.of(Worlds.twoIsps().build(), POLICIES);
        Relaxations lifted = Relaxations.none();
        Policy deny = c.policies.policy("no-sp2").orElseThrow();

        lifted.lift(c.node("p2"), c.channel("live"), deny, c.index);

        assertThat(c.policies.barred(c.node("p2"), c.channel("live"), lifted)).isEmpty();
        assertThat(c.policies.barred(c.node("p2"), c.channel("radio"), lifted)).contains(deny);
        assertThat(c.policies.barred(c.node("p3"), c.channel("live"), lifted)).contains(deny);
        assertThat(c.policies.relaxable(c.node("p2"), c.channel("live"), lifted))
                .extracting(Policy::id)
                .containsExactly("cap");
        assertThat(lifted.entries()).containsExactly(new Relaxed("p2", "no-sp2", Optional.of("live")));
    }

    @Test
    void aLiftedCapAdmitsTheNodesEdgesAndStillCountsThem() {
        Compiled c = Compiled.of(Worlds.twoIsps().build(), POLICIES);
        Relaxations lifted = Relaxations.none();
        lifted.lift(
                c.node("p2"), Relaxations.ALL_CHANNELS, c.policies.policy("cap").orElseThrow(), c.index);
        PolicyLedger ledger = c.policies.ledger(lifted);

        assertThat(ledger.exceeds(c.node("o1"), c.node("p2"), c.channel("live"), 0, 4000))
                .isEmpty();
        ledger.reserve(c.node("o1"), c.node("p2"), c.channel("live"), 0, 4000);
        assertThat(ledger.exceeds(c.node("o1"), c.node("p3"), c.channel("live"), 0, 1))
                .map(Policy::id)
                .contains("cap");
    }

    @Test
    void aPlansRelaxedListIsReadBack() {
        Compiled c = Compiled.of(Worlds.twoIsps().build(), POLICIES);
        Relaxations read = Relaxations.of(
                List.of(
                        new Relaxed("p2", "no-sp2", Optional.empty()),
                        new Relaxed("ghost", "no-sp2", Optional.empty())),
                c.index);

        assertThat(read.isLifted(c.node("p2"), c.channel("radio"), "no-sp2")).isTrue();
        assertThat(read.isLifted(c.node("p3"), c.channel("radio"), "no-sp2")).isFalse();
        assertThat(read.entries()).hasSize(1);
    }
}
