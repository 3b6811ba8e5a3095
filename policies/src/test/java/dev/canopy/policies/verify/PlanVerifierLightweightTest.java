package dev.canopy.policies.verify;

import static dev.canopy.policies.verify.PlanBuilder.edge;
import static dev.canopy.policies.verify.VerifierCases.plan;
import static dev.canopy.policies.verify.VerifierCases.tiny;
import static dev.canopy.policies.verify.VerifierCases.violation;
import static dev.canopy.policies.verify.VerifierCases.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.plan.Initiator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verifier's lightweight rules, each on a small snapshot built in code. */
class PlanVerifierLightweightTest {
    @Test
    void noRelayNodeWithAChildIsReported() {
        Snapshot s = tiny().lightweight("p3", "r1", 1000, List.of(Limit.NO_RELAY), "live")
                .build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>p3")))
                .isEmpty();
        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p3", "p3>p2")))
                .containsExactly(violation(
                        Rule.NO_RELAY, "p3", "live", "lightweight node \"p3\" with no-relay sends to \"p2\""));
    }

    @ParameterizedTest
    @EnumSource(
            value = Initiator.class,
            names = {"PARENT", "BOTH"})
    void noInboundChildMustOpenTheConnectionItself(Initiator initiator) {
        Snapshot s = tiny().lightweight("p3", "r1", 0, List.of(Limit.NO_INBOUND), "live")
                .build();
        String name = initiator.name().toLowerCase(Locale.ROOT);

        assertThat(violations(
                        s,
                        plan(s).tree(
                                        "live",
                                        0,
                                        1000,
                                        List.of(
                                                edge("o1", "p1", initiator),
                                                edge("o1", "p2", initiator),
                                                edge("o1", "p3", Initiator.CHILD)))))
                .isEmpty();
        assertThat(violations(
                        s,
                        plan(s).tree(
                                        "live",
                                        0,
                                        1000,
                                        List.of(
                                                edge("o1", "p1", initiator),
                                                edge("o1", "p2", initiator),
                                                edge("o1", "p3", initiator)))))
                .containsExactly(violation(
                        Rule.NO_INBOUND,
                        "p3",
                        "live",
                        "no-inbound node \"p3\" must initiate edge \"o1\" -> \"p3\" itself, initiator is " + name));
    }

    @Test
    void noInboundParentMustOpenTheConnectionItself() {
        Snapshot s = tiny().lightweight("p3", "r1", 1000, List.of(Limit.NO_INBOUND), "live")
                .build();

        assertThat(violations(
                        s,
                        plan(s).tree(
                                        "live",
                                        0,
                                        1000,
                                        List.of(
                                                edge("o1", "p1", Initiator.BOTH),
                                                edge("o1", "p3", Initiator.CHILD),
                                                edge("p3", "p2", Initiator.PARENT)))))
                .isEmpty();
        assertThat(violations(
                        s,
                        plan(s).tree(
                                        "live",
                                        0,
                                        1000,
                                        List.of(
                                                edge("o1", "p1", Initiator.BOTH),
                                                edge("o1", "p3", Initiator.CHILD),
                                                edge("p3", "p2", Initiator.CHILD)))))
                .containsExactly(violation(
                        Rule.NO_INBOUND,
                        "p3",
                        "live",
                        "no-inbound node \"p3\" must initiate edge \"p3\" -> \"p2\" itself, initiator is child"));
    }

    @Test
    void twoLightweightNodesAreNeverPairedInTreesOrMeshes() {
        Snapshot s = tiny().lightweight("l1", "r1", 1000, List.of(), "live")
                .lightweight("l2", "r1", 1000, List.of(), "live")
                .build();
        Violation paired =
                violation(Rule.LIGHTWEIGHT_PAIR, "l2", "live", "two lightweight nodes are paired: \"l1\" -> \"l2\"");

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>l1", "p1>l2")))
                .isEmpty();
        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>p1", "o1>p2", "o1>l1", "l1>l2")))
                .containsExactly(paired);
        assertThat(violations(s, plan(s).mesh("live", 1000, "o1>p1", "o1>p2", "o1>l1", "l1>l2")))
                .containsExactly(paired);
    }

    @Test
    void accessListAllowsOnlyListedNodesAndRoles() {
        Snapshot s = SnapshotBuilder.create("acl")
                .region("r1")
                .channel("live", 1000, 1, "o1")
                .origin("o1", "r1", 5000)
                .cdn("c1", "r1", 5000, "live")
                .peer("p1", "r1", 1000, b -> b.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:cdn")
                        .wants("live"))
                .peer("p2", "r1", 1000, b -> b.lightweight(Limit.ACCESS_LIST)
                        .accessList("o1")
                        .wants("live"))
                .build();

        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>c1", "c1>p1", "o1>p2")))
                .isEmpty();
        assertThat(violations(s, plan(s).tree("live", 0, 1000, "o1>c1", "o1>p1", "c1>p2")))
                .containsExactly(
                        violation(
                                Rule.ACCESS_LIST,
                                "p1",
                                "live",
                                "\"p1\" may receive only from [role:cdn], not from \"o1\""),
                        violation(
                                Rule.ACCESS_LIST, "p2", "live", "\"p2\" may receive only from [o1], not from \"c1\""));
    }
}
