package dev.canopy.solver.bench;

import dev.canopy.model.real.AsGraphOptions;
import dev.canopy.model.real.DataDirectory;
import java.util.List;

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
     * The locality lower bound. WIRING POINT: plug {@code
     * dev.canopy.solver.flow.LocalityLowerBound} in here, e.g. {@code problem ->
     * OptionalLong.of(LocalityLowerBound.compute(problem).cost())}, returning empty above the size
     * it handles in reasonable time.
     */
    public static LocalityBoundSource localityBound() {
        return LocalityBoundSource.NONE;
    }
}
