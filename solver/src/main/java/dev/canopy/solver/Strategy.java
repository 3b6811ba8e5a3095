package dev.canopy.solver;

import dev.canopy.model.plan.Plan;

/**
 * A way of planning who sends which substream to whom. Every strategy, however it works,
 * honours the same contract, checked for each by the contract test: every wanted (node,
 * channel) is served or listed unserved with a reason; the plan passes the verifier (it never
 * breaks a hard rule); the same problem with the same seed gives the same plan; and no channel
 * is served at more than its physical limit.
 *
 * <p>Implementations are stateless and thread-safe: all working state lives in one call.
 */
public interface Strategy {

    /** The name it is registered and chosen under ({@code --strategy NAME}). */
    String name();

    /** One sentence for {@code --help} and reports. */
    String description();

    /**
     * The most receivers (nodes wanting a channel, summed over channels) this strategy takes on;
     * larger problems are refused with an {@link IllegalArgumentException} naming the limit.
     * Unbounded by default; exact solvers bound it.
     */
    default int maxReceivers() {
        return Integer.MAX_VALUE;
    }

    /** Plans the problem. Infeasibility is data: what cannot be served is listed unserved. */
    Plan plan(PlanningProblem problem);
}
