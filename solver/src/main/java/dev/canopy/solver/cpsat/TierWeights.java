package dev.canopy.solver.cpsat;

/**
 * Objective weights that make the tiers lexicographic: a premium pair outweighs every standard
 * and free pair together, a standard pair every free pair.
 */
final class TierWeights {
    private TierWeights() {}

    /** Weights by tier ordinal (premium, standard, free) for the given number of pairs per tier. */
    static long[] of(long[] pairsPerTier) {
        long free = 1;
        long standard = pairsPerTier[2] * free + 1;
        long premium = pairsPerTier[1] * standard + pairsPerTier[2] * free + 1;
        return new long[] {premium, standard, free};
    }
}
