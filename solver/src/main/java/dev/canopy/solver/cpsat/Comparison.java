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
 * cost. Used when the class model's plan (not realised in full) ends up worse than the best
 * heuristic plan ({@link StartPlan}): exact then returns that plan, marked so.
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

    /**
     * A heuristic plan (see {@link StartPlan}) under exact's name, with exact's figures, {@code
     * exact.fallback} naming the heuristic, and the plan's own served weight, cost and gap to
     * exact's proved bounds. It is marked {@code optimal} only when that gap is 0: the bounds hold
     * for every plan, so a plan that meets both is optimal.
     */
    static Plan relabel(SnapshotIndex index, StartPlan.Chosen heuristic, Plan exact, String name) {
        return relabel(index, heuristic, exact.metrics(), exact, name);
    }

    /**
     * A heuristic plan under exact's name when the deadline passed before CP-SAT could start: the
     * bounds are the trivial ones (every receiver served, no cost), marked {@code
     * exact.servedStatus=UNKNOWN}; {@code stamp} gives the version and time.
     */
    static Plan unsolved(SnapshotIndex index, StartPlan.Chosen heuristic, Plan stamp, String name) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("exact.model", "class");
        metrics.put("exact.servedStatus", "UNKNOWN");
        metrics.put("exact.costStatus", "UNKNOWN");
        metrics.put("exact.servedBound", servedWeight(index, new long[Tier.values().length]));
        metrics.put("exact.costBound", 0L);
        metrics.put("exact.realized", false);
        return relabel(index, heuristic, metrics, stamp, name);
    }

    private static Plan relabel(
            SnapshotIndex index, StartPlan.Chosen heuristic, Map<String, Object> figures, Plan stamp, String name) {
        Map<String, Object> metrics = new LinkedHashMap<>(figures);
        Plan plan = heuristic.plan();
        long served = servedWeight(index, plan);
        long cost = Locality.planCost(index, plan);
        double gap = ExactMetrics.gap(
                served, cost, (Long) figures.get("exact.servedBound"), (Long) figures.get("exact.costBound"));
        metrics.put("optimal", gap == 0);
        metrics.put("exact.fallback", heuristic.label());
        metrics.put("exact.reparentMoves", heuristic.moves());
        metrics.put("exact.planServed", served);
        metrics.put("exact.planCost", cost);
        metrics.put("gap", gap);
        return as(plan, name, stamp, metrics);
    }

    /**
     * Greedy's plan under exact's name when exact does not solve the problem itself: marked
     * {@code exact.fallback=greedy}, {@code exact.fallbackWhy} saying why, {@code optimal=false}.
     */
    static Plan fallback(Plan greedy, String name, String why) {
        Map<String, Object> metrics = new LinkedHashMap<>(greedy.metrics());
        metrics.put("optimal", false);
        metrics.put("exact.model", "class");
        metrics.put("exact.fallback", "greedy");
        metrics.put("exact.fallbackWhy", why);
        return as(greedy, name, greedy, metrics);
    }

    /** A plan's overlays and listings under {@code name}, with the version and time of {@code stamp}. */
    private static Plan as(Plan plan, String name, Plan stamp, Map<String, Object> metrics) {
        return new Plan(
                plan.format(),
                plan.snapshot(),
                stamp.version(),
                stamp.createdAt(),
                name,
                plan.overlays(),
                plan.clubs(),
                plan.unserved(),
                plan.relaxed(),
                metrics);
    }

    /** The served objective of a plan: the tier weights of its served pairs. */
    static long servedWeight(SnapshotIndex index, Plan plan) {
        return servedWeight(index, unservedByTier(index, plan));
    }

    /** The tier weights of every wanted pair but the given unserved ones per tier (none: the ceiling). */
    static long servedWeight(SnapshotIndex index, long[] unserved) {
        long[] receivers = TierWeights.pairsPerTier(index);
        long[] weight = TierWeights.of(receivers);
        long sum = 0;
        for (int t = 0; t < weight.length; t++) {
            sum += (receivers[t] - unserved[t]) * weight[t];
        }
        return sum;
    }

    private static long[] unservedByTier(SnapshotIndex index, Plan plan) {
        long[] count = new long[Tier.values().length];
        for (Unserved u : plan.unserved()) {
            count[index.node(u.node()).orElseThrow().tier().ordinal()]++;
        }
        return count;
    }
}
