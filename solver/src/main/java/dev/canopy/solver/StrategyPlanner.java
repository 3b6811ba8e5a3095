package dev.canopy.solver;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.testing.PolicyPlanner;
import java.util.Objects;
import java.util.Optional;

/**
 * The registered strategies as a {@link PolicyPlanner} for the policy test runner: a case's named
 * strategy, else the given default, planned with default options (seed 1). Stateless and
 * thread-safe.
 */
public final class StrategyPlanner implements PolicyPlanner {
    private final String defaultStrategy;

    /** A planner whose default strategy is {@code greedy}. */
    public StrategyPlanner() {
        this(Strategies.defaultStrategy().name());
    }

    /** A planner with another default strategy. */
    public StrategyPlanner(String defaultStrategy) {
        this.defaultStrategy = Objects.requireNonNull(defaultStrategy, "defaultStrategy");
    }

    @Override
    public Plan plan(Snapshot snapshot, PolicyDocument policies, Optional<String> strategy) {
        String name = strategy.orElse(defaultStrategy);
        Strategy chosen = Strategies.byName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown strategy \"" + name + "\": expected one of " + Strategies.names()));
        return chosen.plan(PlanningProblem.of(snapshot, policies, PlanOptions.defaults()));
    }
}
