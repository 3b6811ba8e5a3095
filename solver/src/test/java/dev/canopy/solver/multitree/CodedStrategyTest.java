package dev.canopy.solver.multitree;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;

class CodedStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new CodedStrategy();
    }

    @Override
    protected boolean relaxes() {
        return true;
    }
}
