package dev.canopy.solver.polish;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;
import org.junit.jupiter.api.Tag;

/** The contract on the shared instances; slow (a polish of each 3,000-peer instance takes seconds). */
@Tag("slow")
class PolishedMultiTreeStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new PolishedMultiTreeStrategy();
    }

    @Override
    protected boolean relaxes() {
        return true;
    }
}
