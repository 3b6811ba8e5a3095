package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeShapeTest {
    @Test
    void depthAndFanOutOfHandTrees() {
        // Tree 0: o > {a, b}, a > {c, d, e}: depths 1 1 2 2 2, fan-outs o 2, a 3.
        // Tree 1: o > c, c > {a, b, d, e}: depths 1 2 2 2 2, fan-outs o 1, c 4.
        Snapshot snapshot = HandPlans.fivePeers(2, 0);
        Plan plan = HandPlans.trees(
                snapshot,
                List.of(List.of("o>a", "o>b", "a>c", "a>d", "a>e"), List.of("o>c", "c>a", "c>b", "c>d", "c>e")));
        assertThat(PlanVerifier.verify(snapshot, plan).violations()).isEmpty();

        RunResult.Shape shape = TreeShape.of(SnapshotIndex.of(snapshot), plan, 5);

        assertThat(shape.maxDepth()).isEqualTo(2);
        assertThat(shape.medianDepth()).isEqualTo(2); // 1 1 1 2 2 2 2 2 2 2
        assertThat(shape.medianFanOut()).isEqualTo(2.5); // 1 2 3 4
        assertThat(shape.logBound()).isEqualTo(3); // ceil(log_2.5 5) + 1 = 2 + 1
    }

    @Test
    void aChainHasFanOutOneAndNoLogarithmicBound() {
        Snapshot snapshot = HandPlans.fivePeers(1, 0);
        Plan plan = HandPlans.trees(snapshot, List.of(List.of("o>a", "a>b", "b>c", "c>d", "d>e")));
        assertThat(PlanVerifier.verify(snapshot, plan).violations()).isEmpty();

        RunResult.Shape shape = TreeShape.of(SnapshotIndex.of(snapshot), plan, 5);

        assertThat(shape.maxDepth()).isEqualTo(5);
        assertThat(shape.medianDepth()).isEqualTo(3);
        assertThat(shape.medianFanOut()).isEqualTo(1);
        assertThat(shape.logBound()).isNaN();
    }

    @Test
    void logBoundRoundsUpExceptOnExactPowers() {
        assertThat(TreeShape.logBound(2, 8)).isEqualTo(4);
        assertThat(TreeShape.logBound(2, 9)).isEqualTo(5);
        assertThat(TreeShape.logBound(10, 1000)).isEqualTo(4);
        assertThat(TreeShape.logBound(1.5, 1)).isEqualTo(1);
        assertThat(TreeShape.logBound(1, 100)).isNaN();
    }

    @Test
    void medianOfCountsAveragesTheMiddlePair() {
        assertThat(TreeShape.median(new long[] {0, 2, 0, 2})).isEqualTo(2); // 1 1 3 3
        assertThat(TreeShape.median(new long[] {0, 1, 1, 1})).isEqualTo(2); // 1 2 3
        assertThat(TreeShape.median(new long[] {0, 0})).isNaN();
    }

    @Test
    void noTreesNoShape() {
        Snapshot snapshot = HandPlans.fivePeers(1, 0);
        RunResult.Shape shape = TreeShape.of(SnapshotIndex.of(snapshot), HandPlans.trees(snapshot, List.of()), 5);
        assertThat(shape.maxDepth()).isNaN();
        assertThat(shape.medianFanOut()).isNaN();
    }
}
