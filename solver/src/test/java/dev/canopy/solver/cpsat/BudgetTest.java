package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.solver.PlanOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A time limit longer than twice the deterministic budget raises that budget to half the limit. */
class BudgetTest {
    @Test
    void withoutATimeLimitTheDeterministicBudgetIsTheGivenOneAndThereIsNoDeadline() {
        Budget budget = Budget.start(PlanOptions.defaults(), 10);

        assertThat(budget.deterministicSeconds()).isEqualTo(10);
        assertThat(budget.deadline()).isEmpty();
    }

    @Test
    void aShortTimeLimitKeepsTheDeterministicBudget() {
        Budget budget = Budget.start(PlanOptions.defaults().withTimeLimit(Duration.ofSeconds(5)), 10);

        assertThat(budget.deterministicSeconds()).isEqualTo(10);
        assertThat(budget.deadline()).isPresent();
    }

    @Test
    void aLongTimeLimitRaisesTheDeterministicBudgetToHalfOfIt() {
        Budget budget = Budget.start(PlanOptions.defaults().withTimeLimit(Duration.ofMinutes(10)), 10);

        assertThat(budget.deterministicSeconds()).isEqualTo(300);
        assertThat(budget.left().orElseThrow()).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }
}
