package dev.canopy.policies.compile;

/**
 * A policy that bounds an aggregate of the plan (traffic on a link or across a region's
 * boundary, a node's uplink share, copies entering an enterprise). Its running totals live in
 * a {@link CapState}, one per ledger.
 */
interface CapRule extends Unit {
    /** Fresh, empty totals. */
    CapState newState();

    /**
     * The cap as linear constraints over a plan's edges, for models that state it up front
     * ({@link LinearCaps}): gives {@code sink} each constraint (a group number of this rule) the
     * edge counts in, with the amount it adds (kbps, or 1 for a copy). Lifts are not looked at.
     */
    void terms(int parent, int child, int channel, int substream, long kbps, LinearCaps.Sink sink);

    /** The most a group of {@link #terms} may sum to (never negative). */
    long bound(long group);

    /**
     * Whether a group of {@link #terms} should sum to 0 or exactly its {@link #bound}
     * (dual-ingress copies): a hard rule for a policy that cannot be set aside, a preference for
     * a relaxable one (whose shortfall the passes over the finished plan settle).
     */
    default boolean allOrNone(long group) {
        return false;
    }

    /**
     * The running totals of one cap while one plan grows. {@code substream} is
     * {@link PolicyLedger#WHOLE_CHANNEL} for a mesh edge carrying the whole channel. Not
     * thread-safe.
     */
    interface CapState {
        /** By how much the cap would be exceeded once the edge is added (0 if it still holds), in the cap's unit. */
        double excessIfAdded(int parent, int child, int channel, int substream, long kbps);

        /** Adds ({@code sign} 1) or removes ({@code sign} -1) an edge. */
        void add(int parent, int child, int channel, int substream, long kbps, int sign);

        /**
         * Whether the rule still asks for copies of the substream to enter the child's domain
         * from outside (dual-ingress: fewer than two entered so far); false for other caps.
         */
        default boolean lacksEntry(int child, int channel, int substream) {
            return false;
        }
    }
}
