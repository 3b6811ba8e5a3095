package dev.canopy.solver.multitree;

import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;

/**
 * The multi-tree of seeds 000 and 002 (SplitStream): each channel split into its k substreams
 * of rate/k, one tree per substream, every relaying peer interior in one tree only and a leaf in
 * the others, so a peer's whole uplink serves one substream and its failure costs each
 * descendant one substream. Peers are spread over the trees so that every tree, and every
 * region, has the slots it needs; each tree is built region by region, largest and most stable
 * peers nearest the root, children under parents of their own region first, then of the nearest
 * region of the same country; servers are the roots and the fallback. A channel the network
 * cannot carry is first made feasible by ejecting receivers (lowest tier, then lowest uplink
 * first, reason {@code ejected}, in the order of a priority policy's tiers where there is one).
 * Parity substreams of a coded channel are not used (see {@link CodedStrategy}), except the ones
 * a hard redundancy policy asks for its regions: those parity trees are built too, and the
 * nodes that need them are placed in them first.
 *
 * <p>Deterministic: no randomness, so the seed does not matter; there is no improvement phase,
 * so the time limit is not needed. Linear in the number of nodes and edges apart from sorts;
 * stateless and thread-safe. A channel of 50,000 receivers or more without policies can have its
 * trees built on several threads where they turn out not to compete for server slots or link
 * capacity ({@link TreeForks}; system property {@code canopy.threads}, default 1, so opt-in):
 * the plan is the same with any number of threads.
 */
public final class MultiTreeStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "multi-tree";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one tree per substream, every peer interior in one tree only, built region by region";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        return TreePlanner.plan(problem, NAME, false);
    }
}
