package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.verify.PlanVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResilienceTest {
    // Tree 0: o > a > b > c, o > d;  tree 1: o > d > {a, b, c};  e receives nothing.
    private static final List<List<String>> TREES =
            List.of(List.of("o>a", "a>b", "b>c", "o>d"), List.of("o>d", "d>a", "d>b", "d>c"));

    private static double share(int k, int parity, String... failedIds) {
        Snapshot snapshot = HandPlans.fivePeers(k, parity);
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        Plan plan = HandPlans.trees(snapshot, TREES);
        boolean[] failed = new boolean[index.nodeCount()];
        for (String id : failedIds) {
            failed[index.nodeIndex(id).orElseThrow()] = true;
        }
        return Resilience.survivingShare(index, plan, failed);
    }

    @Test
    void theHandTreesAreAValidPlanWhenTheUnreachedPeerIsListed() {
        Snapshot snapshot = HandPlans.fivePeers(2, 0);
        Plan plan = HandPlans.trees(snapshot, TREES);
        Plan listed = plan.withUnserved(List.of(Unserved.of("e", "live", UnservedReason.CAPACITY)));
        assertThat(PlanVerifier.verify(snapshot, listed).violations()).isEmpty();
    }

    @Test
    void withoutFailuresEveryServedPeerSurvives() {
        assertThat(share(2, 0)).isEqualTo(1.0);
    }

    @Test
    void aFailedRelayCutsItsSubtreeInThatTreeOnly() {
        // a fails: b and c lose substream 0 (their path runs through a), keep 1; d keeps both.
        assertThat(share(2, 0, "a")).isEqualTo(1.0 / 3);
    }

    @Test
    void aFailedRelayOfEveryTreeCutsEveryone() {
        // d fails: every survivor loses substream 1.
        assertThat(share(2, 0, "d")).isEqualTo(0.0);
    }

    @Test
    void paritySubstreamsAbsorbTheLossOfOneTree() {
        // k = 1 of 2 substreams: losing one tree's path still leaves one substream.
        assertThat(share(1, 1, "a")).isEqualTo(1.0);
        assertThat(share(1, 1, "d")).isEqualTo(1.0);
    }

    @Test
    void theFailureSampleIsSeededAndTakesOnlyPeers() {
        SnapshotBuilder b = SnapshotBuilder.create("many")
                .region("isp")
                .channel("live", 1000, 1, "o")
                .origin("o", "isp", 10_000)
                .cdn("cdn", "isp", 10_000, "live");
        for (int i = 0; i < 200; i++) {
            b.peer("p" + i, "isp", 1000, "live");
        }
        SnapshotIndex index = SnapshotIndex.of(b.build());

        boolean[] first = Resilience.failures(index, 5, 7);
        boolean[] again = Resilience.failures(index, 5, 7);
        boolean[] other = Resilience.failures(index, 5, 8);

        assertThat(count(first)).isEqualTo(10);
        assertThat(first).isEqualTo(again);
        assertThat(first).isNotEqualTo(other);
        assertThat(first[index.nodeIndex("o").orElseThrow()]).isFalse();
        assertThat(first[index.nodeIndex("cdn").orElseThrow()]).isFalse();
        boolean[] more = Resilience.failures(index, 10, 7);
        assertThat(count(more)).isEqualTo(20);
        for (int i = 0; i < first.length; i++) {
            assertThat(!first[i] || more[i])
                    .as("the 5 %% sample is part of the 10 %% one")
                    .isTrue();
        }
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
