package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The counts multi-tree takes from the edges it emits are those of the plan's edges, counted by
 * ids as the polish and the planning under policies count them.
 */
class RelayCountsTest {
    @Test
    void theEmittedEdgesCountAsThePlansEdges() {
        Snapshot friends = NetworkGenerator.generate(
                GeneratorOptions.defaults(3000).withSubstreams(8).withSeed(21));
        Snapshot parity = NetworkGenerator.generate(
                GeneratorOptions.defaults(2000).withSubstreams(4).withParity(2).withSeed(3));
        Snapshot shortage = Documents.readSnapshot(Fixtures.path("snapshots/capacity-shortage.json"));
        for (Strategy strategy : new Strategy[] {new MultiTreeStrategy(), new CodedStrategy()}) {
            for (Snapshot snapshot : new Snapshot[] {friends, parity, shortage}) {
                Planned planned = Planned.by(strategy, snapshot);
                RelayCounts counted = RelayCounts.of(planned.index(), planned.plan());

                assertThat(planned.plan().metrics())
                        .as(strategy.name() + " on " + snapshot.id())
                        .containsEntry(TreePlanner.RELAXATIONS, counted.interiorRelaxations())
                        .containsEntry(TreePlanner.FRIEND_RELAYS, counted.friendRelays())
                        .containsEntry(TreePlanner.EJECTED, counted.ejected());
                if (snapshot.channels().size() == 1) {
                    assertThat(counted.interiorRelaxations()).isEqualTo((int) planned.peersInteriorInSeveralTrees());
                }
                assertThat(counted.ejected()).isEqualTo((int) planned.plan().unserved().stream()
                        .filter(u -> u.reason() == UnservedReason.EJECTED)
                        .count());
            }
        }
    }
}
