package dev.canopy.solver.baseline;

import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;

/**
 * The baseline with no locality at all: a BitTorrent-like tracker that hands a joining node
 * uniformly random holders that have room. Channels in order (live first); the channel's
 * servers join first (peers whose access list allows only servers depend on them), then peers
 * in a random order drawn from {@link dev.canopy.solver.PlanOptions#seed()}; for each of the
 * k+n substreams the node takes a uniformly random holder with room (uplink, its downlink, link
 * capacity on the route) that the lightweight rules and access lists allow. A node that gets
 * fewer than k gives back what it took and is listed unserved with the reason greedy gives.
 *
 * <p>Deterministic for a seed; the time limit is not used. Scales to millions of peers:
 * holders with room are kept in per-substream arrays and drawn in constant time. Stateless and
 * thread-safe.
 */
public final class RandomStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "baseline tracker without locality: each node takes random holders with room, peers in random order";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        return Tracker.plan(problem, NAME, Tracker.Preference.ANYWHERE);
    }
}
