package dev.canopy.solver;

import dev.canopy.solver.baseline.LocalStrategy;
import dev.canopy.solver.baseline.RandomStrategy;
import dev.canopy.solver.baseline.SplitStreamStrategy;
import dev.canopy.solver.cpsat.ExactStrategy;
import dev.canopy.solver.greedy.GreedyStrategy;
import dev.canopy.solver.multitree.CodedStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import dev.canopy.solver.polish.PolishedMultiTreeStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of strategies by name, in the order they are listed to users. */
public final class Strategies {
    private static final Map<String, Strategy> BY_NAME = new LinkedHashMap<>();

    static {
        register(new GreedyStrategy());
        register(new MultiTreeStrategy());
        register(new PolishedMultiTreeStrategy());
        register(new CodedStrategy());
        register(new RandomStrategy());
        register(new LocalStrategy());
        register(new SplitStreamStrategy());
        register(new ExactStrategy());
    }

    private Strategies() {}

    private static void register(Strategy strategy) {
        BY_NAME.put(strategy.name(), strategy);
    }

    /** The strategy with the given name. */
    public static Optional<Strategy> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every registered strategy. */
    public static List<Strategy> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** Every registered name. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The strategy used when none is named. */
    public static Strategy defaultStrategy() {
        return BY_NAME.get(GreedyStrategy.NAME);
    }
}
