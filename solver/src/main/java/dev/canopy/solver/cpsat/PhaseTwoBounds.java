package dev.canopy.solver.cpsat;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link LexicographicSolve.CostBounds} found: bounds on phase two's cost, and a start.
 *
 * @param lp the LP relaxation's bound, if solved
 * @param connectivity the {@link ConnectivityRounds}' bound, if one round was proved, raised by
 *     their {@link ClosingSolve}'s
 * @param rounds connectivity rounds solved
 * @param cuts connectivity cuts found
 * @param start a solution of phase two's model (its counting variables) found on the way, if
 *     any: phase two starts from it when it is cheaper than phase one's solution
 * @param search what the rounds' {@link SubstreamSearch} found
 * @param closing how the rounds' {@link ClosingSolve} ended
 */
record PhaseTwoBounds(
        OptionalLong lp,
        OptionalLong connectivity,
        int rounds,
        int cuts,
        Optional<ConnectivityRepair.Repaired> start,
        SubstreamSearch.Result search,
        ClosingSolve.Status closing) {
    static final PhaseTwoBounds NONE = new PhaseTwoBounds(
            OptionalLong.empty(),
            OptionalLong.empty(),
            0,
            0,
            Optional.empty(),
            SubstreamSearch.Result.NONE,
            ClosingSolve.Status.NOT_RUN);

    /** The higher of the two bounds, if any. */
    OptionalLong best() {
        return higher(lp, connectivity);
    }

    /** The higher of two bounds, either if only one is present. */
    static OptionalLong higher(OptionalLong a, OptionalLong b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong()));
    }
}
