package dev.canopy.policies.testing;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs policy test cases: plans each case's snapshot under its policies with the injected
 * planner, verifies the plan against the snapshot and the policies, and checks the case's
 * expectations. A case fails when an expectation does not hold and is an error when it cannot
 * run (the planner refused it). Thread-safe if the planner is.
 */
public final class PolicyTestRunner {
    private final PolicyPlanner planner;

    public PolicyTestRunner(PolicyPlanner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /** Runs the cases whose id the filter accepts, in order. */
    public PolicyTestReport run(List<PolicyTestCase> cases, Predicate<String> filter) {
        List<CaseResult> results = new ArrayList<>();
        for (PolicyTestCase c : cases) {
            if (filter.test(c.id())) {
                results.add(run(c));
            }
        }
        return new PolicyTestReport(results);
    }

    /** Runs one case. */
    public CaseResult run(PolicyTestCase c) {
        String file = c.file().toString();
        Plan plan;
        Routing routing;
        CompiledPolicies compiled;
        try {
            routing = Routing.of(SnapshotIndex.of(c.snapshot()));
            compiled = CompiledPolicies.compile(c.policies(), routing);
            plan = planner.plan(c.snapshot(), c.policies(), c.spec().strategy());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new CaseResult(c.id(), file, CaseResult.Outcome.ERROR, List.of(message), List.of());
        }
        Verification verification = PlanVerifier.verify(routing, plan, compiled);
        List<String> violations =
                verification.violations().stream().map(Object::toString).toList();
        List<String> mismatches = new ExpectationCheck(routing, new PlanFacts(plan), verification)
                .mismatches(c.spec().expect());
        CaseResult.Outcome outcome = mismatches.isEmpty() ? CaseResult.Outcome.OK : CaseResult.Outcome.FAIL;
        return new CaseResult(c.id(), file, outcome, mismatches, violations);
    }
}
