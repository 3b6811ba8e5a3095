/**
 * The benchmark harness behind {@code canopy bench}: runs strategies on suites of instances
 * (generated families, and real networks plugged in through {@link
 * dev.canopy.solver.bench.BenchWiring}), measures every plan with the verifier (rate efficiency
 * by bisection, against the physical limit and the tighter {@link
 * dev.canopy.solver.bench.SlotLimit}; served, stranded demand, offload, locality, depth, time,
 * memory, resilience) and writes the results as CSV and markdown.
 */
package dev.canopy.solver.bench;
