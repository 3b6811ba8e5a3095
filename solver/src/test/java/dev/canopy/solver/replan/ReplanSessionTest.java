package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.diff.Change;
import dev.canopy.model.event.Events;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanningProblem;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplanSessionTest {
    private static final int K = 4;

    private static ReplanSession roomyNetwork() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(600)
                .withSeed(3)
                .withMix(CapacityMix.FOUR_TIER)
                .withLightweightShare(0)
                .withId("roomy"));
        return ReplanSession.start(PlanningProblem.of(snapshot), ReplanOptions.defaults());
    }

    @Test
    void aLeaveChangesAtMostItsChildrenPlusItsOwnEdgesAndMovesOnlyItsChildren() {
        ReplanSession session = roomyNetwork();
        Random random = new Random(1);
        Instant at = session.now();
        for (int step = 0; step < 60; step++) {
            Plan before = session.plan();
            List<Node> peers = session.snapshot().nodes().stream()
                    .filter(n -> n.role() == Role.PEER)
                    .toList();
            String leaving = peers.get(random.nextInt(peers.size())).id();
            Set<String> children = new HashSet<>();
            int edges = 0;
            int own = 0;
            for (Overlay tree : before.overlays()) {
                for (Edge edge : tree.edges()) {
                    if (edge.parent().equals(leaving)) {
                        children.add(edge.child());
                        edges++;
                    }
                    own += edge.child().equals(leaving) ? 1 : 0;
                }
            }
            at = at.plusSeconds(1);

            var outcome = session.apply(step % 2 == 0 ? new Events.Leave(at, leaving) : new Events.Fail(at, leaving));

            assertThat(outcome.edgesChanged()).isLessThanOrEqualTo(edges + own);
            assertThat(outcome.diff().changes())
                    .extracting(Change::node)
                    .allMatch(node -> node.equals(leaving) || children.contains(node));
            assertThat(PlanVerifier.verify(session.snapshot(), session.plan()).violations())
                    .isEmpty();
        }
    }

    @Test
    void aJoinAddsAtMostKPlusOneEdgesAndMovesAtMostOne() {
        ReplanSession session = roomyNetwork();
        Random random = new Random(2);
        Instant at = session.now();
        List<Node> peers = session.snapshot().nodes().stream()
                .filter(n -> n.role() == Role.PEER)
                .toList();
        for (int step = 0; step < 60; step++) {
            Node template = peers.get(random.nextInt(peers.size()));
            Node joining = Node.builder("new" + step, template.region(), 600L * (1 + random.nextInt(8)))
                    .wants("ch1")
                    .build();
            at = at.plusSeconds(1);

            var outcome = session.apply(new Events.Join(at, joining));

            assertThat(outcome.edgesChanged()).isLessThanOrEqualTo(K + 1);
            assertThat(outcome.diff().changes())
                    .filteredOn(c -> c.parentBefore().isPresent())
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(PlanVerifier.verify(session.snapshot(), session.plan()).violations())
                    .isEmpty();
        }
    }

    @Test
    void aHighQualityJoinIsPromotedNextToASourceAndAdoptsThePeerItDisplaces() {
        ReplanSession session = roomyNetwork();
        Node strong = Node.builder(
                        "strong",
                        session.snapshot()
                                .nodes()
                                .get(session.snapshot().nodes().size() - 1)
                                .region(),
                        100_000)
                .uptime(0.99)
                .wants("ch1")
                .build();

        var outcome = session.apply(new Events.Join(session.now().plusSeconds(1), strong));

        Change moved = outcome.diff().changes().stream()
                .filter(c -> c.parentBefore().isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(moved.parentAfter()).contains("strong");
        Change promoted = outcome.diff().changes().stream()
                .filter(c -> c.node().equals("strong") && c.substream() == moved.substream())
                .findFirst()
                .orElseThrow();
        assertThat(promoted.parentAfter()).isEqualTo(moved.parentBefore());
        assertThat(PlanVerifier.verify(session.snapshot(), session.plan()).violations())
                .isEmpty();
    }
}
