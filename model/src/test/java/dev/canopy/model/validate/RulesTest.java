package dev.canopy.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.io.Problem;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantic rules applied to documents built in code rather than read from a file. */
class RulesTest {
    @Test
    void aValidSnapshotBuiltInCodeHasNoProblems() {
        Snapshot snapshot = SnapshotBuilder.create("ok")
                .region("eu")
                .region("de", "eu")
                .region("fr", "eu")
                .link("de-fr", "de", "fr", 12)
                .channel("soccer", 1200, 4, "o1")
                .origin("o1", "de", 10_000)
                .peer("p1", "fr", 600, "soccer")
                .build();

        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, snapshot)).isEmpty();
    }

    @Test
    void aSnapshotBuiltInCodeIsCheckedLikeAFile() {
        Snapshot snapshot = SnapshotBuilder.create("broken")
                .region("de", "eu")
                .link("l", "de", "de", 5)
                .channel("soccer", 1200, 1, "o9")
                .peer("p1", "atlantis", 600, "tennis")
                .peer("p1", "de", 600)
                .build();

        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, snapshot))
                .containsExactly(
                        new Problem(FieldPath.of("nodes", 1, "id"), "duplicate node id \"p1\" (first at nodes[0])"),
                        new Problem(
                                FieldPath.of("regions", 0, "parent"),
                                "unknown region \"eu\" (parent of region \"de\")"),
                        new Problem(FieldPath.of("links", 0, "b"), "link \"l\" joins region \"de\" to itself"),
                        new Problem(
                                FieldPath.of("channels", 0, "sources", 0),
                                "unknown node \"o9\" (source of channel \"soccer\")"),
                        new Problem(FieldPath.of("nodes", 0, "region"), "unknown region \"atlantis\" (node \"p1\")"),
                        new Problem(
                                FieldPath.of("nodes", 0, "wants", 0),
                                "unknown channel \"tennis\" (wanted by node \"p1\")"));
    }

    @Test
    void aPlanBuiltInCodeWithAnEdgeToItselfHasAProblem() {
        Plan plan = new Plan(
                null,
                "s",
                1,
                null,
                "test",
                List.of(Overlay.tree("soccer", 0, 300, List.of(Edge.of("p1", "p1", Initiator.CHILD)))),
                null,
                null,
                null,
                null);

        assertThat(Rules.checkValue(FileFormat.PLAN, plan))
                .containsExactly(new Problem(
                        FieldPath.of("overlays", 0, "edges", 0, "child"), "edge from node \"p1\" to itself"));
    }
}
