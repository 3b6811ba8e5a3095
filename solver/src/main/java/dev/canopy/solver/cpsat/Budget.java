package dev.canopy.solver.cpsat;

import dev.canopy.solver.PlanOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * What one exact run may spend: CP-SAT's deterministic seconds per solve (the same on every
 * machine, so the same problem gives the same plan), and, when the options set a time limit, a
 * wall-clock deadline for the whole run that every part (heuristic plans, local search, CP-SAT)
 * stops at. Without a time limit the run is bounded by deterministic work only. Immutable;
 * {@link #expired()} reads {@link System#nanoTime()}.
 *
 * @param deterministicSeconds CP-SAT's deterministic-time limit of one solve
 * @param deadline the {@link System#nanoTime()} at which the run must end, if any
 */
record Budget(double deterministicSeconds, Optional<Long> deadline) {
    /**
     * Deterministic seconds per solve that a time limit raises the budget to, per second of the
     * limit: a run given more time than its deterministic budget uses it (each of CP-SAT's two
     * phases may take half the limit, the connectivity rounds get more rounds), so that exact
     * comes closer to a proof the longer it may run. The deadline still bounds every part.
     */
    static final double SECONDS_PER_LIMIT_SECOND = 0.5;

    /**
     * A budget starting now: the options' time limit, if any, from now on, and {@code
     * deterministicSeconds} per solve, raised to {@value #SECONDS_PER_LIMIT_SECOND} of the limit
     * when that is more (a run with a limit depends on the machine's speed anyway).
     */
    static Budget start(PlanOptions options, double deterministicSeconds) {
        long now = System.nanoTime();
        double seconds = options.timeLimit()
                .map(limit -> Math.max(deterministicSeconds, SECONDS_PER_LIMIT_SECOND * limit.toMillis() / 1000.0))
                .orElse(deterministicSeconds);
        return new Budget(seconds, options.timeLimit().map(limit -> now + limit.toNanos()));
    }

    /** Whether the deadline has passed (never without one). */
    boolean expired() {
        return deadline.isPresent() && System.nanoTime() - deadline.get() >= 0;
    }

    /** The wall-clock time left, zero once past the deadline; empty without one. */
    Optional<Duration> left() {
        return deadline.map(end -> Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    }

    /** The same budget with its deadline at {@code share} of the time left (for a part of the run). */
    Budget share(double share) {
        long now = System.nanoTime();
        return new Budget(deterministicSeconds, deadline.map(end -> now + (long) (Math.max(0, end - now) * share)));
    }
}
