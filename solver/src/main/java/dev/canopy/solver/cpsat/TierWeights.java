package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;

/**
 * Objective weights that make the tiers lexicographic: a premium pair outweighs every standard
 * and free pair together, a standard pair every free pair.
 */
final class TierWeights {
    private TierWeights() {}

    /** Wanted (node, channel) pairs per tier ordinal, sources excluded. */
    static long[] pairsPerTier(SnapshotIndex index) {
        long[] perTier = new long[Tier.values().length];
        for (int c = 0; c < index.channelCount(); c++) {
            for (int q : index.receivers(c)) {
                perTier[index.node(q).tier().ordinal()]++;
            }
        }
        return perTier;
    }

    /** Weights by tier ordinal (premium, standard, free) for the given number of pairs per tier. */
    static long[] of(long[] pairsPerTier) {
        long free = 1;
        long standard = pairsPerTier[2] * free + 1;
        long premium = pairsPerTier[1] * standard + pairsPerTier[2] * free + 1;
        return new long[] {premium, standard, free};
    }
}
