package dev.canopy.solver.greedy;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;

class GreedyStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new GreedyStrategy();
    }

    @Override
    protected boolean relaxes() {
        return true;
    }
}
