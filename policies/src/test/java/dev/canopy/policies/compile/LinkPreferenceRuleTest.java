package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.SnapshotBuilder;
import org.junit.jupiter.api.Test;

class LinkPreferenceRuleTest {
    /** A corporation reached from sp1 over corp-sp1 and from sp2 over corp-sp2; sp1 and sp2 peer. */
    private static SnapshotBuilder multiHomed() {
        return SnapshotBuilder.create("multi-homed")
                .region("sp1")
                .region("sp2")
                .region("corp")
                .link("corp-sp1", "corp", "sp1", 5)
                .link("corp-sp2", "corp", "sp2", 5)
                .link("sp1-sp2", "sp1", "sp2", 4)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "sp1", 10_000)
                .peer("a1", "sp1", 2000, "live")
                .peer("b1", "sp2", 2000, "live")
                .peer("c1", "corp", 2000, "live");
    }

    @Test
    void sp1NormallySp2OnlyWhenSp1IsFull() {
        Compiled c = Compiled.of(
                multiHomed().build(),
                """
                  - id: sp1-first
                    kind: link-preference
                    prefer: [corp-sp1]
                    over: [corp-sp2]
                """);

        assertThat(c.cost("a1", "c1", "live")).isZero();
        assertThat(c.cost("b1", "c1", "live")).isEqualTo(1.0);
        assertThat(c.cost("a1", "b1", "live")).as("sp1-sp2 is neither").isZero();
    }

    @Test
    void kindsNameLinksAndNoOverMeansEveryOtherLink() {
        Compiled c = Compiled.of(
                multiHomed().build(),
                """
                  - id: transit-only
                    kind: link-preference
                    prefer: transit
                    weight: 2
                """);

        assertThat(c.cost("b1", "c1", "live")).isZero();
        assertThat(c.cost("a1", "c1", "live")).isZero();
    }
}
