package dev.canopy.solver.replan;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The wider recomputation: the session's strategy plans the current snapshot from scratch (with
 * a fresh index and routing, joined nodes included). A forced re-plan (new policies, or hours
 * that moved) is adopted as it is. Otherwise it is adopted only when its score beats the repaired
 * plan's by more than the edge penalty times the tree assignments it would change, where a
 * plan's score is minus its locality cost, minus {@link ReplanOptions#SERVED_WEIGHT} times the
 * rate of each unserved pair, minus {@link #DEPTH_WEIGHT} times its {@link #hopCost} (so that
 * trees grown deep by local repair are rebuilt when that is worth the edges it changes), and its
 * locality cost is at most {@link #LOCALITY_SLACK} above the repaired plan's, or it serves more,
 * or the repaired trees have grown more than {@link #DEPTH_SLACK} deeper than the fresh ones.
 */
final class FullReplan {
    /** The outcome: the plan now in force, and the state to install when the fresh one was adopted. */
    record Result(Plan plan, State state, boolean adopted, CompiledPolicies compiled) {}

    /**
     * Weight of {@link #hopCost} against locality cost in adoption: one hop more for a kbps costs
     * {@value} units, as much as that kbps crossing a country boundary ({@link
     * Locality#CROSS_COUNTRY}) or {@value} kbps crossing a region boundary. Measured by
     * {@code RealTraceReplanTest} (10,000 real churn events on the real overlay, 18 periodic
     * re-optimizations; fresh plan: max depth 5, mean 2.94): weight 0 adopts none, max depth 12,
     * mean 4.25, 110,242 tree assignments changed in all; 2 adopts 2, 13 / 3.52, 162,462; 4 adopts
     * 7, 9 / 3.16, 282,149; 8 adopts 13, 10 / 3.15, 426,484. Locality cost stays at or below the
     * fresh plan's throughout (docs/benchmarks.md).
     */
    static final double DEPTH_WEIGHT = 4.0;

    /**
     * How much higher a periodic re-plan's locality cost may be than the repaired plan's for it to
     * be adopted, unless it serves more: issue 6's 2 % between a re-planned and a fresh plan.
     * Needed because rate times hops dwarfs locality cost in the score: on the real trace
     * ({@code RealTraceReplanTest}) two plans' hop costs times {@link #DEPTH_WEIGHT} differ by 6 to 16
     * million where their locality costs differ by 20 to 90 thousand, so depth alone
     * decided, and the last of 18 re-plans adopted a fresh plan of locality cost 16.5 over a
     * repaired one of 15.2.
     */
    static final double LOCALITY_SLACK = 0.02;

    /**
     * How much deeper (rate times hops, {@link #hopCost}) the repaired trees may grow than a fresh
     * plan's before depth overrules {@link #LOCALITY_SLACK}: without it repair alone ran the real
     * trace's trees to depth 15 and mean 3.5 (a fresh plan: 4 and 2.7), as every later re-plan was
     * over 2 % worse in locality. (Twice the fresh plan's maximum depth instead let a re-plan in
     * late and ended the trace 8 % worse in locality than a fresh plan.)
     */
    static final double DEPTH_SLACK = 0.15;

    private FullReplan() {}

    static Result run(State current, PolicyDocument policies, ReplanOptions options, long version, boolean forced) {
        PlanOptions planOptions = PlanOptions.defaults()
                .withClock(Clock.fixed(current.net.now(), ZoneOffset.UTC))
                .withVersion(version);
        PlanningProblem problem = PlanningProblem.of(current.net.snapshot(), policies, planOptions);
        Plan fresh = options.strategy().plan(problem);
        State adopted = PlanLoader.load(problem.routing(), fresh);
        Plan freshPlan = PlanWriter.write(adopted, version);
        if (forced) {
            return new Result(freshPlan, adopted, true, problem.compiled());
        }
        Plan repaired = PlanWriter.write(current, version);
        SnapshotIndex index = problem.index();
        int changed = PlanDiff.between(repaired, freshPlan).changes().size();
        double freshHops = hopCost(adopted);
        double repairedHops = hopCost(current);
        double gain = score(index, freshPlan)
                - DEPTH_WEIGHT * freshHops
                - (score(index, repaired) - DEPTH_WEIGHT * repairedHops);
        boolean adopt = gain > options.edgePenalty() * changed
                && (keepsLocality(index, freshPlan, repaired) || repairedHops > (1 + DEPTH_SLACK) * freshHops);
        return adopt
                ? new Result(freshPlan, adopted, true, problem.compiled())
                : new Result(repaired, current, false, problem.compiled());
    }

    /**
     * Whether the fresh plan's locality cost is within {@link #LOCALITY_SLACK} of the repaired
     * plan's, or it serves more: only then may depth pay for it.
     */
    static boolean keepsLocality(SnapshotIndex index, Plan fresh, Plan repaired) {
        return unservedKbps(index, fresh) < unservedKbps(index, repaired)
                || Locality.planCost(index, fresh) <= (1 + LOCALITY_SLACK) * Locality.planCost(index, repaired);
    }

    /**
     * The rate a tree edge sends times the hops from the source to its child, summed over every
     * tree: what deep trees cost (delay and exposure to upstream failures grow with depth).
     * Linear in tree memberships times depth.
     */
    static double hopCost(State state) {
        Forest forest = state.forest;
        double total = 0;
        for (int t = 0; t < forest.trees(); t++) {
            long rate = state.rate(forest.channel(t));
            for (int node = 0; node < state.net.size(); node++) {
                if (forest.parent(t, node) >= 0) {
                    total += (double) rate * Math.max(0, state.rootedDepth(t, node, -1));
                }
            }
        }
        return total;
    }

    static double score(SnapshotIndex index, Plan plan) {
        return -Locality.planCost(index, plan) - ReplanOptions.SERVED_WEIGHT * unservedKbps(index, plan);
    }

    /** The rates of the channels of the pairs the plan leaves unserved, summed. */
    private static double unservedKbps(SnapshotIndex index, Plan plan) {
        double unserved = 0;
        for (Unserved entry : plan.unserved()) {
            unserved += index.channel(entry.channel()).orElseThrow().rateKbps();
        }
        return unserved;
    }
}
