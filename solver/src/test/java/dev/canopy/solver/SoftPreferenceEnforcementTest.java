package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Plan;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** source-preference and link-preference: the parents the strategies pick. */
class SoftPreferenceEnforcementTest {
    /** o1 and three peers in one region; the origin's uplink is behind a link with a monthly quota. */
    private static Snapshot oneRegion(double monthToDateGb) {
        return SnapshotBuilder.create("source-preference")
                .region("dc")
                .region("r1")
                .link(new Link(
                        "dc-r1",
                        "dc",
                        "r1",
                        LinkKind.TRANSIT,
                        OptionalLong.empty(),
                        1.0,
                        0,
                        OptionalDouble.of(monthToDateGb)))
                .channel("live", 1000, 1, "o1")
                .origin("o1", "dc", 10000)
                .peer("p1", "r1", 2000, "live")
                .peer("p2", "r1", 2000, "live")
                .peer("p3", "r1", 0, "live")
                .build();
    }

    private static final String QUOTA =
            """
              - id: dc-while-under-quota
                kind: source-preference
                prefer: servers
                quota: { link: dc-r1, maxMonthGb: 100 }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"greedy"})
    void peersRelayOnceTheQuotaLinkIsOverItsMonthlyAmount(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, oneRegion(150), QUOTA);

        assertThat(PolicyPlans.parents(plan, "p2", "live")).containsExactly("p1");
        assertThat(PolicyPlans.parents(plan, "p3", "live")).first().isIn("p1", "p2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy"})
    void theDataCentreFeedsEveryoneWhileUnderTheQuota(String strategy) {
        Plan plan = PolicyPlans.plan(strategy, oneRegion(50), QUOTA);

        for (String peer : new String[] {"p1", "p2", "p3"}) {
            assertThat(PolicyPlans.parents(plan, peer, "live")).containsExactly("o1");
        }
    }

    /** Into c, b-c (peering, 8 ms) is preferred over a-c (transit, 5 ms). */
    private static Snapshot peeringAndTransit() {
        return SnapshotBuilder.create("link-preference")
                .region("o")
                .region("a")
                .region("b")
                .region("c")
                .link("o-a", "o", "a", 5)
                .link("o-b", "o", "b", 5)
                .link("a-c", "a", "c", 5)
                .link(new Link("b-c", "b", "c", LinkKind.PEERING, OptionalLong.empty(), 8.0, 0, OptionalDouble.empty()))
                .channel("live", 1000, 1, "o1")
                .origin("o1", "o", 2000)
                .peer("p1", "a", 2000, "live")
                .peer("p2", "b", 2000, "live")
                .peer("p3", "c", 0, "live")
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "multi-tree", "coded"})
    void aChildTakesTheFartherParentReachedOverThePreferredLink(String strategy) {
        String policies =
                """
                  - id: peering-first
                    kind: link-preference
                    prefer: [peering]
                    over: [transit]
                """;

        assertThat(PolicyPlans.parents(PolicyPlans.plan(strategy, peeringAndTransit(), policies), "p3", "live"))
                .containsExactly("p2");
        assertThat(PolicyPlans.parents(PolicyPlans.plan(strategy, peeringAndTransit()), "p3", "live"))
                .containsExactly("p1");
    }
}
