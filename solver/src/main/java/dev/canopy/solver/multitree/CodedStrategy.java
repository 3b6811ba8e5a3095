package dev.canopy.solver.multitree;

import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;

/**
 * The erasure-coded multi-tree of seed 002: like {@link MultiTreeStrategy}, but with a tree for
 * each of a channel's k + n substreams (any k reconstruct). Every node is first sure of k
 * substreams (ejection and the spreading of peers over trees fill the k data trees first), and
 * with capacity to spare it gets all k + n. Since each peer is interior in one tree only, a
 * failed peer removes at most one substream from any other node, which the n parity substreams
 * absorb; peers split over two trees (reported relaxations) can remove two.
 *
 * <p>Deterministic, stateless and thread-safe, as {@link MultiTreeStrategy}.
 */
public final class CodedStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "coded";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one tree per erasure-coded substream (k + n), so a failed peer costs no one the stream";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        return TreePlanner.plan(problem, NAME, true);
    }
}
