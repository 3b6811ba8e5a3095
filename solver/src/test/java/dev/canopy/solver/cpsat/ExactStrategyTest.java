package dev.canopy.solver.cpsat;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;
import org.junit.jupiter.api.Tag;

/**
 * The strategy contract for exact. Slow: the generated instances have up to 3,000 peers, and
 * exact spends its deterministic-time budget (two phases) on each of the contract's five calls.
 * Exact obeys the hard policies (per-node model; greedy's plan, marked, for the class model's
 * problems), so the contract's policy cases run on it too.
 */
@Tag("slow")
class ExactStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new ExactStrategy();
    }
}
