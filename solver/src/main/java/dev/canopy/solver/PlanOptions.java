package dev.canopy.solver;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to plan: the seed that makes randomised strategies repeatable, an optional time limit,
 * the clock that stamps the plan, and the version the plan gets.
 */
public record PlanOptions(long seed, Optional<Duration> timeLimit, Clock clock, long version) {
    public PlanOptions {
        timeLimit = timeLimit == null ? Optional.empty() : timeLimit;
        Objects.requireNonNull(clock, "clock");
    }

    /** Seed 1, no time limit, the system clock, version 1. */
    public static PlanOptions defaults() {
        return new PlanOptions(1, Optional.empty(), Clock.systemUTC(), 1);
    }

    public PlanOptions withSeed(long value) {
        return new PlanOptions(value, timeLimit, clock, version);
    }

    public PlanOptions withTimeLimit(Duration value) {
        return new PlanOptions(seed, Optional.of(value), clock, version);
    }

    public PlanOptions withClock(Clock value) {
        return new PlanOptions(seed, timeLimit, value, version);
    }

    public PlanOptions withVersion(long value) {
        return new PlanOptions(seed, timeLimit, clock, value);
    }
}
