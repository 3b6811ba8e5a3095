package dev.canopy.solver.bench;

import dev.canopy.solver.Strategies;
import java.time.Duration;
import java.util.List;

/** Everything a benchmark run measured: the rows in run order, notes, and how long it took. */
public record BenchOutcome(List<RunResult> results, List<String> notes, Duration elapsed) {
    public BenchOutcome {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /**
     * Strategies' runs whose plans broke a rule (at the nominal rate or in another plan of the
     * run). Reference plans (a deployed overlay, which is not a strategy) are left out: their
     * violations say how the real system differs from the snapshot's model and are reported in
     * their rows, not counted as failures.
     */
    public List<RunResult> withViolations() {
        return results.stream()
                .filter(r -> Strategies.byName(r.key().strategy()).isPresent())
                .filter(r -> r.violations() > 0 || r.otherViolations() > 0)
                .toList();
    }

    /** Runs that produced no plan. */
    public List<RunResult> failed() {
        return results.stream().filter(r -> Double.isNaN(r.traffic().served())).toList();
    }
}
