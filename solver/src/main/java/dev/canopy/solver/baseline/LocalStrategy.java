package dev.canopy.solver.baseline;

import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;

/**
 * The ISP-aware tracker baseline, in the spirit of P4P: the same process as {@link
 * RandomStrategy}, but a joining node takes a random holder with room in its own leaf region
 * (ISP) if there is one, else in its country ({@link dev.canopy.model.SnapshotIndex#regionCountry}),
 * else anywhere. A node whose access list allows only servers and named nodes takes one of the
 * cheapest by {@link dev.canopy.solver.Locality}. Measures what locality alone, without any
 * planning, saves over {@code random}.
 *
 * <p>Deterministic for a seed; the time limit is not used. Scales to millions of peers
 * (per-(substream, region) and per-(substream, country) pools). Stateless and thread-safe.
 */
public final class LocalStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "baseline ISP-aware tracker: random holders with room in the same ISP, then country, then anywhere";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        return Tracker.plan(problem, NAME, Tracker.Preference.NEAREST_FIRST);
    }
}
