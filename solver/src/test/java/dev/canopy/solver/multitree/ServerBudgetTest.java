package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the copies servers must send anyway become entries, and how they are shared. */
class ServerBudgetTest {
    @Test
    void noForcedEntriesWithoutParityTrees() {
        assertThat(ServerBudget.forcedEntries(2, new long[] {100, 100}, 150, 500))
                .containsExactly(0, 0);
    }

    @Test
    void forcedCopiesAreSharedByNeedAndCappedByTheServersSpare() {
        // Data trees 2 x 100 from 250 peer slots (1 + 1/(2k) of it); parity trees need 60 and 40.
        assertThat(ServerBudget.forcedEntries(2, new long[] {100, 100, 60, 40}, 250, 1000))
                .containsExactly(16, 16, 10, 6);
        assertThat(ServerBudget.forcedEntries(2, new long[] {100, 100, 100, 100}, 300, 40))
                .containsExactly(10, 10, 10, 10);
    }

    @Test
    void noForcedEntriesWhenThePeersBarelyFillTheDataTrees() {
        assertThat(ServerBudget.forcedEntries(2, new long[] {100, 100, 100, 100}, 240, 1000))
                .containsExactly(0, 0, 0, 0);
    }
}
