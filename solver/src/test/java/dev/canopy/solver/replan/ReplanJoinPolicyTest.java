package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyCases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Nodes that join a session obey the hard policies in local repair like the snapshot's nodes. */
class ReplanJoinPolicyTest {
    private static final String POLICIES =
            """
              - id: no-de
                kind: geo-ban
                channels: { ids: [live] }
                countries: [DE]
              - id: no-kids
                kind: deny
                channels: { ids: [live] }
                nodes: { groups: [kids] }
              - id: office-only
                kind: affinity
                group: office
                mode: only
            """;

    private static Snapshot twoCountries() {
        return SnapshotBuilder.create("join-policies")
                .region("eu")
                .country("de", "eu", "DE")
                .country("fr", "eu", "FR")
                .link("l-de-fr", "de", "fr", 10)
                .channel("live", 1000, 1, "o1")
                .origin("o1", "fr", 20000)
                .peer("p-fr", "fr", 3000, "live")
                .peer("p-de", "de", 3000, "live")
                .peer("p-kid", "fr", 3000, b -> b.groups("kids").wants("live"))
                .peer("p-office", "fr", 3000, b -> b.groups("office").wants("live"))
                .build();
    }

    private static Node peer(String id, String region, String... groups) {
        return Node.builder(id, region, 3000).groups(groups).wants("live").build();
    }

    private static Optional<Unserved> unserved(Plan plan, String node) {
        return plan.unserved().stream().filter(u -> u.node().equals(node)).findFirst();
    }

    private static Optional<String> parentOf(Plan plan, String node) {
        return plan.overlays().stream()
                .map(Overlay::edges)
                .flatMap(List::stream)
                .filter(e -> e.child().equals(node))
                .map(e -> e.parent())
                .findFirst();
    }

    @Test
    void joinedPeersAreBarredFilteredAndServedAsAFullPlanWould() {
        PolicyDocument policies = PolicyCases.document(POLICIES);
        ReplanSession session = ReplanSession.start(
                PlanningProblem.of(twoCountries(), policies, PlanOptions.defaults()), ReplanOptions.defaults());
        assertVerifies(session, policies, "start");
        assertThat(unserved(session.plan(), "p-de").map(Unserved::reason)).hasValue(UnservedReason.GEO_BAN);
        Instant at = session.now();
        List<Event> events = List.of(
                new Events.Join(at.plusSeconds(1), peer("j-de", "de")),
                new Events.Join(at.plusSeconds(2), peer("j-fr", "fr")),
                new Events.Join(at.plusSeconds(3), peer("j-kid", "fr", "kids")),
                new Events.Join(at.plusSeconds(4), peer("j-office", "fr", "office")),
                new Events.Leave(at.plusSeconds(5), "p-fr"),
                new Events.Join(at.plusSeconds(6), twoCountries().nodes().get(1)));

        for (Event event : events) {
            session.apply(event);
            assertVerifies(session, policies, event);
        }

        Plan plan = session.plan();
        assertThat(unserved(plan, "j-de")).hasValueSatisfying(u -> {
            assertThat(u.reason()).isEqualTo(UnservedReason.GEO_BAN);
            assertThat(u.policy()).hasValue("no-de");
        });
        assertThat(unserved(plan, "j-kid")).hasValueSatisfying(u -> {
            assertThat(u.reason()).isEqualTo(UnservedReason.DENY);
            assertThat(u.policy()).hasValue("no-kids");
        });
        assertThat(unserved(plan, "j-fr")).isEmpty();
        assertThat(unserved(plan, "j-office")).isEmpty();
        for (String child : List.of("j-fr", "p-fr", "j-kid", "p-kid")) {
            assertThat(parentOf(plan, child).orElse("")).isNotIn("j-office", "p-office");
        }
    }

    private static void assertVerifies(ReplanSession session, PolicyDocument policies, Object after) {
        assertThat(PlanVerifier.verify(session.snapshot(), session.plan(), policies)
                        .violations())
                .as("after %s", after)
                .isEmpty();
    }
}
