package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.solver.Locality;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares two plans by exact's objective: served pairs by tier (premium first), then locality
 * cost. Used when the class model's plan (after the per-node fill had to repair) ends up worse
 * than the greedy plan it was started from: exact then returns greedy's plan, marked so.
 */
final class Comparison {
    private Comparison() {}

    /** Whether {@code a} is strictly better than {@code b}. */
    static boolean better(SnapshotIndex index, Plan a, Plan b) {
        long[] unservedA = unservedByTier(index, a);
        long[] unservedB = unservedByTier(index, b);
        for (int t = 0; t < Tier.values().length; t++) {
            if (unservedA[t] != unservedB[t]) {
                return unservedA[t] < unservedB[t];
            }
        }
        return Locality.planCost(index, a) < Locality.planCost(index, b);
    }

    /** The greedy plan under exact's name, with exact's figures and {@code exact.fallback=greedy}. */
    static Plan relabel(Plan greedy, Plan exact, String name) {
        Map<String, Object> metrics = new LinkedHashMap<>(exact.metrics());
        metrics.put("optimal", false);
        metrics.put("exact.fallback", "greedy");
        return new Plan(
                greedy.format(),
                greedy.snapshot(),
                exact.version(),
                exact.createdAt(),
                name,
                greedy.overlays(),
                greedy.clubs(),
                greedy.unserved(),
                greedy.relaxed(),
                metrics);
    }

    private static long[] unservedByTier(SnapshotIndex index, Plan plan) {
        long[] count = new long[Tier.values().length];
        for (Unserved u : plan.unserved()) {
            count[index.node(u.node()).orElseThrow().tier().ordinal()]++;
        }
        return count;
    }
}
