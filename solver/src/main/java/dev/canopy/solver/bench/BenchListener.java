package dev.canopy.solver.bench;

import java.util.List;

/**
 * Told how a benchmark run progresses, for progress bars and incremental output. Called from
 * the thread that runs the benchmark, one call at a time. Every method does nothing by
 * default.
 */
public interface BenchListener {
    /** Does nothing. */
    BenchListener NONE = new BenchListener() {};

    /** The run starts; about {@code steps} runs are planned (reference plans come on top). */
    default void started(int steps) {}

    /** One (instance, strategy, seed) run is measured. */
    default void finished(RunResult result) {}

    /** One (instance, strategy) run is left out, and why. */
    default void skipped(String instance, String strategy, String reason) {}

    /** Something the reader of the results should know (also kept in the outcome's notes). */
    default void note(String message) {}

    /** Every run of an instance is done; {@code resultsSoFar} holds all rows up to now. */
    default void instanceDone(List<RunResult> resultsSoFar) {}
}
