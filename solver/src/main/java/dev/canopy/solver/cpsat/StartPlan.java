package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.baseline.LocalStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import dev.canopy.solver.reparent.Reparenting;
import dev.canopy.solver.reparent.TreeRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The heuristic plan the class model starts from and falls back to: greedy's, multi-tree's and
 * local's plans (in that order: multi-tree's is made in milliseconds and serves the most where
 * capacity is short, so a tight budget under load still gets it), each moved to cheaper parents by {@link Reparenting}, and the best of them
 * by exact's objective ({@link Comparison#better}: served pairs by tier, then locality cost;
 * greedy's on a tie). It therefore never serves fewer pairs, nor at more cost, than greedy's
 * plan. Multi-tree's and local's plans are not made once the budget's deadline has passed, and
 * the local search stops at it; without a deadline the work is bounded by {@link Reparenting}'s
 * deterministic limits. Deterministic where the strategies are (only a deadline makes a run
 * depend on the machine); stateless.
 */
final class StartPlan {
    /** The plan, which heuristic it comes from ({@code greedy}, {@code local+reparenting}, ...), and its moves. */
    record Chosen(Plan plan, String label, int moves) {}

    private StartPlan() {}

    /**
     * The best start within {@code budget}; {@code greedy} is greedy's plan of the problem (already
     * made by the caller), the one returned when the deadline has already passed.
     */
    static Chosen best(PlanningProblem problem, Plan greedy, Budget budget) {
        SnapshotIndex index = problem.index();
        Chosen best = new Chosen(greedy, "greedy", 0);
        Map<String, Supplier<Plan>> starts = new LinkedHashMap<>();
        starts.put("greedy", () -> greedy);
        for (Strategy other : List.of(new MultiTreeStrategy(), new LocalStrategy())) {
            starts.put(other.name(), () -> other.plan(problem));
        }
        for (Map.Entry<String, Supplier<Plan>> start : starts.entrySet()) {
            if (budget.expired()) {
                break;
            }
            String name = start.getKey();
            Plan plan = start.getValue().get();
            Chosen chosen = Reparenting.improve(plan, new Resources(problem.routing()), TreeRules.ANY, budget::expired)
                    .filter(outcome -> outcome.moves() > 0)
                    .map(outcome -> new Chosen(outcome.plan(), name + "+reparenting", outcome.moves()))
                    .orElse(new Chosen(plan, name, 0));
            if (Comparison.better(index, chosen.plan(), best.plan())) {
                best = chosen;
            }
        }
        return best;
    }
}
