package dev.canopy.solver.replan;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.policy.PolicyDocument;
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
 * plan's score is minus its locality cost minus {@link ReplanOptions#SERVED_WEIGHT} times the
 * rate of each unserved pair.
 */
final class FullReplan {
    /** The outcome: the plan now in force, and the state to install when the fresh one was adopted. */
    record Result(Plan plan, State state, boolean adopted) {}

    private FullReplan() {}

    static Result run(State current, PolicyDocument policies, ReplanOptions options, long version, boolean forced) {
        PlanOptions planOptions = PlanOptions.defaults()
                .withClock(Clock.fixed(current.net.now(), ZoneOffset.UTC))
                .withVersion(version);
        PlanningProblem problem = PlanningProblem.of(current.net.snapshot(), policies, planOptions);
        Plan fresh = options.strategy().plan(problem);
        State adopted = PlanLoader.load(problem.routing(), fresh);
        Plan freshPlan = PlanWriter.write(adopted, version);
        Plan repaired = PlanWriter.write(current, version);
        if (forced) {
            return new Result(freshPlan, adopted, true);
        }
        SnapshotIndex index = problem.index();
        int changed = PlanDiff.between(repaired, freshPlan).changes().size();
        double gain = score(index, freshPlan) - score(index, repaired);
        boolean adopt = gain > options.edgePenalty() * changed;
        return adopt ? new Result(freshPlan, adopted, true) : new Result(repaired, current, false);
    }

    static double score(SnapshotIndex index, Plan plan) {
        double unserved = 0;
        for (Unserved entry : plan.unserved()) {
            unserved += index.channel(entry.channel()).orElseThrow().rateKbps();
        }
        return -Locality.planCost(index, plan) - ReplanOptions.SERVED_WEIGHT * unserved;
    }
}
