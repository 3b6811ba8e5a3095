package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.policies.testing.CaseResult;
import dev.canopy.policies.testing.PolicyTestCase;
import dev.canopy.policies.testing.PolicyTestRunner;
import dev.canopy.policies.testing.PolicyTests;
import dev.canopy.solver.StrategyPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JUnit bridge: every case of every policy test file under {@code fixtures/policies}
 * ({@code **}{@code /*.test.yaml}) runs as a test of its own, planned with the solver's
 * strategies (greedy unless the case names one). A case passes when its expectations hold and
 * the plan breaks no rule under its policies.
 */
class PolicyFixturesTest {
    private static final PolicyTestRunner RUNNER = new PolicyTestRunner(new StrategyPlanner());

    @TestFactory
    Stream<DynamicTest> everyPolicyTestCase() {
        Path root = Fixtures.directory("policies");
        List<PolicyTestCase> cases = PolicyTests.load(root);
        assertThat(cases).as("policy test cases under %s", root).isNotEmpty();
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), c.file().toUri(), () -> {
                    CaseResult result = RUNNER.run(c);
                    assertThat(result.messages())
                            .as("%s (%s)", c.id(), c.file())
                            .isEmpty();
                    assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.OK);
                    assertThat(result.violations()).as("verifier on %s", c.id()).isEmpty();
                }));
    }
}
