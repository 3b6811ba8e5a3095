package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.policies.compile.TierPriority;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * Objective weights that make the tiers lexicographic: a premium pair outweighs every standard
 * and free pair together, a standard pair every free pair; under a priority policy, the tiers
 * in its order instead.
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
        return of(pairsPerTier, Optional.empty());
    }

    /**
     * Weights by tier ordinal, each tier's pair outweighing every pair of the tiers served after
     * it: in the priority policy's order if there is one, else premium, standard, free.
     */
    static long[] of(long[] pairsPerTier, Optional<TierPriority> priority) {
        Tier[] order = Tier.values().clone();
        Arrays.sort(
                order, Comparator.comparingInt(t -> priority.map(p -> p.rank(t)).orElse(t.ordinal())));
        long[] weight = new long[order.length];
        long below = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            int t = order[i].ordinal();
            weight[t] = below + 1;
            below += pairsPerTier[t] * weight[t];
        }
        return weight;
    }
}
