package dev.canopy.solver.bench;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A named set of instances and strategies. {@code instances} builds the instance list for a
 * number of seeds (so that {@code --seeds} can change it); {@code warmUp} is the small instance
 * every strategy plans once before anything is timed.
 */
public record Suite(
        String name,
        int defaultSeeds,
        List<SuiteStrategy> strategies,
        IntFunction<List<BenchInstance>> instances,
        BenchInstance warmUp) {

    public Suite {
        Objects.requireNonNull(name, "name");
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(warmUp, "warmUp");
    }

    /** The instances for seeds 1..{@code seeds}. */
    public List<BenchInstance> instances(int seeds) {
        return List.copyOf(instances.apply(seeds));
    }

    /** The names of the suite's strategies, in order. */
    public List<String> strategyNames() {
        return strategies.stream().map(SuiteStrategy::name).toList();
    }
}
