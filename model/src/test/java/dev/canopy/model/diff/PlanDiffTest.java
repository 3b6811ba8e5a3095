package dev.canopy.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    private static final Instant AT = Instant.parse("2026-11-21T20:00:00Z");

    private static Plan plan(long version, List<Overlay> overlays, List<Unserved> unserved) {
        return new Plan(
                Plan.FORMAT,
                "soccer-final",
                version,
                Optional.of(AT),
                "multi-tree",
                overlays,
                List.of(),
                unserved,
                List.of(),
                Map.of());
    }

    private static Overlay tree(int substream, Edge... edges) {
        return Overlay.tree("soccer", substream, 300, List.of(edges));
    }

    @Test
    void aMovedChildIsOneChangeAndThreeInstructions() {
        Plan a = plan(
                6,
                List.of(tree(
                        2,
                        Edge.of("s", "p3", Initiator.BOTH),
                        Edge.of("p3", "p7", Initiator.CHILD),
                        Edge.of("s", "p9", Initiator.BOTH))),
                List.of());
        Plan b = plan(
                7,
                List.of(tree(
                        2,
                        Edge.of("s", "p3", Initiator.BOTH),
                        Edge.of("p9", "p7", Initiator.CHILD),
                        Edge.of("s", "p9", Initiator.BOTH))),
                List.of());

        Diff diff = PlanDiff.between(a, b);

        assertThat(diff.changes()).containsExactly(new Change("p7", "soccer", 2, Optional.of("p3"), Optional.of("p9")));
        assertThat(diff.instructions())
                .containsExactly(
                        new Instruction("p3", List.of(), List.of(), List.of(new ChildRef("p7", "soccer", 2))),
                        new Instruction(
                                "p7",
                                List.of(ParentRef.of(Optional.of("p9"), "soccer", 2, Optional.of(Initiator.CHILD))),
                                List.of(),
                                List.of()),
                        new Instruction("p9", List.of(), List.of(new ChildRef("p7", "soccer", 2)), List.of()));
        assertThat(diff.applyTo(a)).isEqualTo(PlanDiff.canonical(b));
    }

    @Test
    void anEndedAssignmentHasNoParentAfterAndTheEntryAppearsUnserved() {
        Plan a = plan(1, List.of(tree(0, Edge.of("s", "p1", Initiator.BOTH))), List.of());
        Unserved entry = Unserved.of("p1", "soccer", UnservedReason.CAPACITY);
        Plan b = plan(2, List.of(), List.of(entry));

        Diff diff = PlanDiff.between(a, b);

        assertThat(diff.changes()).containsExactly(new Change("p1", "soccer", 0, Optional.of("s"), Optional.empty()));
        assertThat(diff.unservedAdded()).containsExactly(entry);
        assertThat(diff.applyTo(a)).isEqualTo(b);
    }

    @Test
    void aNewInitiatorUnderTheSameParentIsASetParentInstructionOnly() {
        Plan a = plan(1, List.of(tree(0, Edge.of("s", "p1", Initiator.BOTH))), List.of());
        Plan b = plan(2, List.of(tree(0, Edge.of("s", "p1", Initiator.CHILD))), List.of());

        Diff diff = PlanDiff.between(a, b);

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.instructions()).hasSize(1);
        assertThat(diff.applyTo(a)).isEqualTo(b);
    }

    @Test
    void anEdgeAtItsTreesRateEqualsOneWithoutItsOwnRate() {
        Edge plain = Edge.of("s", "p1", Initiator.BOTH);
        Edge stated = new Edge("s", "p1", Initiator.BOTH, OptionalLong.of(300), java.util.OptionalInt.empty());

        Diff diff = PlanDiff.between(
                plan(1, List.of(tree(0, plain)), List.of()), plan(2, List.of(tree(0, stated)), List.of()));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void aDiffAppliesOnlyToTheVersionItStartsFrom() {
        Plan a = plan(1, List.of(), List.of());
        Diff diff = PlanDiff.between(a, plan(2, List.of(tree(0, Edge.of("s", "p1", Initiator.BOTH))), List.of()));

        assertThatThrownBy(() -> diff.applyTo(a.withVersion(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applies to version 1");
    }
}
