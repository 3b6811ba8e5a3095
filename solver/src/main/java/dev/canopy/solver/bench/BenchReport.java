package dev.canopy.solver.bench;

import java.util.List;
import java.util.Objects;

/**
 * What {@code summary.md} is made of: the suite, the exact command that reproduces the run,
 * the machine, the outcome, the suite's strategies that were not registered, and the chart
 * files written beside it.
 */
public record BenchReport(
        String suite,
        String command,
        Machine machine,
        BenchOutcome outcome,
        List<String> unregistered,
        List<String> charts) {

    public BenchReport {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(outcome, "outcome");
        unregistered = List.copyOf(unregistered);
        charts = List.copyOf(charts);
    }
}
