package dev.canopy.solver.multitree;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;

class MultiTreeStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new MultiTreeStrategy();
    }

    @Override
    protected boolean relaxes() {
        return true;
    }
}
