package dev.canopy.solver.bench;

import java.time.Duration;
import java.util.List;

/** Everything a benchmark run measured: the rows in run order, notes, and how long it took. */
public record BenchOutcome(List<RunResult> results, List<String> notes, Duration elapsed) {
    public BenchOutcome {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** Runs whose plans broke a rule (at the nominal rate or in another plan of the run). */
    public List<RunResult> withViolations() {
        return results.stream()
                .filter(r -> r.violations() > 0 || r.otherViolations() > 0)
                .toList();
    }

    /** Runs that produced no plan. */
    public List<RunResult> failed() {
        return results.stream().filter(r -> Double.isNaN(r.traffic().served())).toList();
    }
}
