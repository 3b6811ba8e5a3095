package dev.canopy.solver.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A strategy as a suite runs it: by registered name, with an optional time limit (for exact
 * solvers) and on at most the first {@code maxSeeds} seeds of every instance.
 */
public record SuiteStrategy(String name, Optional<Duration> timeLimit, int maxSeeds) {

    public SuiteStrategy {
        Objects.requireNonNull(name, "name");
        timeLimit = timeLimit == null ? Optional.empty() : timeLimit;
        if (maxSeeds < 1) {
            throw new IllegalArgumentException("maxSeeds must be at least 1, got " + maxSeeds);
        }
    }

    /** A strategy run on every seed without time limit. */
    public static SuiteStrategy of(String name) {
        return new SuiteStrategy(name, Optional.empty(), Integer.MAX_VALUE);
    }

    /** A strategy with a time limit, on the first {@code maxSeeds} seeds. */
    public static SuiteStrategy limited(String name, Duration timeLimit, int maxSeeds) {
        return new SuiteStrategy(name, Optional.of(timeLimit), maxSeeds);
    }
}
