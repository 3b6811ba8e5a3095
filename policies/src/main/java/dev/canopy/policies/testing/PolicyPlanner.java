package dev.canopy.policies.testing;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import java.util.Optional;

/**
 * Plans a snapshot under policies for the policy test runner. The runner lives in {@code
 * policies}, which knows no strategy; the command line and the test suites pass one built on the
 * solver's strategies.
 */
@FunctionalInterface
public interface PolicyPlanner {

    /**
     * Plans the snapshot (whose {@code takenAt} is the instant policy hours are evaluated at).
     *
     * @param strategy the strategy a case names; empty for the planner's default
     * @throws IllegalArgumentException for an unknown strategy or a problem the strategy refuses;
     *     the runner reports the case as an error with the message
     */
    Plan plan(Snapshot snapshot, PolicyDocument policies, Optional<String> strategy);
}
