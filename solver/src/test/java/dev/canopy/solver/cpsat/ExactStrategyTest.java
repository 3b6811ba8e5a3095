package dev.canopy.solver.cpsat;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;
import org.junit.jupiter.api.Tag;

/**
 * The strategy contract for exact. Slow: the generated instances have up to 3,000 peers and the
 * contract calls the strategy about a hundred times. Each class-model call spends CP-SAT's
 * deterministic budget on up to three solves, which at the default (10 deterministic seconds
 * each, a minute or two of wall time per call on a loaded machine) would take over an hour, so
 * the contract runs exact with {@value #DETERMINISTIC_SECONDS} deterministic seconds per solve:
 * the contract (verifier, served or listed, same plan for a fixed seed, physical limit,
 * policies) does not depend on the budget; {@link ExactVersusGreedyTest} runs the default one.
 * Exact obeys the hard policies (per-node model; greedy's plan, marked, for the class model's
 * problems), so the contract's policy cases run on it too.
 */
@Tag("slow")
class ExactStrategyTest extends StrategyContractTest {
    static final double DETERMINISTIC_SECONDS = 1;

    @Override
    protected Strategy strategy() {
        return new ExactStrategy(DETERMINISTIC_SECONDS);
    }
}
