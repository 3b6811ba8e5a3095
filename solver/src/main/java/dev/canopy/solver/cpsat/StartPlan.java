package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.baseline.LocalStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import dev.canopy.solver.reparent.Recruiting;
import dev.canopy.solver.reparent.Reparenting;
import dev.canopy.solver.reparent.TreeRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The heuristic plan the class model starts from and falls back to: multi-tree's, greedy's and
 * local's plans, each given more receivers by {@link Recruiting} where it leaves some unserved
 * (idle peers made relays: critical family, 2,000 peers, k = 4, exact's plan went from 1,430 to
 * 1,507 served receivers, every standard one among them), then moved to cheaper parents by
 * {@link Reparenting}, and the best of them
 * by exact's objective ({@link Comparison#better}: served pairs by tier, then locality cost;
 * greedy's on a tie). It therefore never serves fewer pairs, nor at more cost, than greedy's
 * plan. Multi-tree's comes first: it is made in milliseconds and serves the most where capacity
 * is short, while re-parenting greedy's deep trees can take the whole budget (critical family,
 * 1,000 peers, 5 s limit: exact returned greedy's 68.9 % served where multi-tree serves 86.5 %).
 * No plan is made once the budget's deadline has passed, and
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
        Strategy multiTree = new MultiTreeStrategy();
        Strategy local = new LocalStrategy();
        starts.put(multiTree.name(), () -> multiTree.plan(problem));
        starts.put("greedy", () -> greedy);
        starts.put(local.name(), () -> local.plan(problem));
        for (Map.Entry<String, Supplier<Plan>> start : starts.entrySet()) {
            if (budget.expired()) {
                break;
            }
            Plan made = start.getValue().get();
            Optional<Recruiting.Outcome> recruited = made.unserved().isEmpty()
                    ? Optional.empty()
                    : Recruiting.improve(made, new Resources(problem.routing()), budget::expired)
                            .filter(outcome -> outcome.served() > 0);
            String name = start.getKey() + (recruited.isPresent() ? "+recruiting" : "");
            Plan plan = recruited.map(Recruiting.Outcome::plan).orElse(made);
            Chosen chosen = reparented(problem, plan, budget)
                    .map(outcome -> new Chosen(outcome.plan(), name + "+reparenting", outcome.moves()))
                    .orElse(new Chosen(plan, name, 0));
            if (Comparison.better(index, chosen.plan(), best.plan())) {
                best = chosen;
            }
        }
        return best;
    }

    /**
     * {@code plan} moved to cheaper parents by {@link Reparenting} (no depth or one-tree rule)
     * within {@code budget}, or empty when it made no move.
     */
    static Optional<Reparenting.Outcome> reparented(PlanningProblem problem, Plan plan, Budget budget) {
        return Reparenting.improve(plan, new Resources(problem.routing()), TreeRules.ANY, budget::expired)
                .filter(outcome -> outcome.moves() > 0);
    }
}
