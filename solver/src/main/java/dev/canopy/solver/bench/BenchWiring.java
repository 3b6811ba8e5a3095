package dev.canopy.solver.bench;

import dev.canopy.model.real.AsGraphOptions;
import dev.canopy.model.real.DataDirectory;
import dev.canopy.solver.flow.LocalityLowerBound;
import java.util.List;
import java.util.OptionalLong;

/**
 * The two places where parts built elsewhere plug into the benchmarks; nothing else in the
 * harness needs to change for them.
 *
 * <ul>
 *   <li>{@link #realInstances(int)}: real networks (and their deployed overlays, as a {@link
 *       BenchInstance#referencePlan reference plan}) added to the quick and full suites.
 *   <li>{@link #localityBound()}: the lower bound the locality cost of every plan is divided
 *       by.
 * </ul>
 *
 * Strategies need no wiring: the suites name them, and names registered in {@link
 * dev.canopy.solver.Strategies} are run (the others are skipped with a note).
 */
public final class BenchWiring {
    private BenchWiring() {}

    /**
     * Real networks for seeds 1..{@code seeds} (see {@link RealNetworks}), or none, with a note,
     * when their data is not on this machine.
     */
    public static List<BenchInstance> realInstances(int seeds) {
        return RealNetworks.instances(DataDirectory.locate(), seeds, AsGraphOptions.defaults());
    }

    /**
     * The locality lower bound: {@link LocalityLowerBound}, one min-cost flow per channel over
     * (region, lightweight) classes, linear in the nodes, so it is computed for every instance.
     */
    public static LocalityBoundSource localityBound() {
        return problem -> OptionalLong.of(LocalityLowerBound.compute(problem).cost());
    }
}
