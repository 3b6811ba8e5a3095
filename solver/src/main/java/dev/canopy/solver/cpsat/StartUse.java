package dev.canopy.solver.cpsat;

/**
 * What became of the start solution that phase two's cost bounds found ({@link
 * PhaseTwoBounds#start()}, the cheapest {@link ConnectivityRepair}): the plan's
 * {@code exact.roundsStart}.
 */
enum StartUse {
    /** There was none. */
    NONE,
    /** Phase one's solution was as cheap or cheaper. */
    UNUSED,
    /** Phase two started from it (and found it or better). */
    HINT,
    /**
     * Phase two found nothing as cheap (its completion or phase two did not fit in the budget):
     * the outcome's counting variables (edges, holders, served) and cost are its.
     */
    TAKEN
}
